from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import ClaraImportExportAdmin
from core.admin_scale import AutocompleteListFilter
from core.languages import localized
from partnerships.admin import AgreementVisibilityMixin
from sources.admin import SourceLinkInline

from .models import MobilityExchange
from .resources import MobilityExchangeResource


@admin.register(MobilityExchange)
class MobilityExchangeAdmin(AgreementVisibilityMixin, ClaraImportExportAdmin):
    resource_classes = [MobilityExchangeResource]
    list_display = [
        "participant",
        "category",
        "direction",
        "host_institution",
        "partnership",
        "planned_start",
        "planned_end",
        "status",
    ]
    list_filter = [
        "status",
        "category",
        "direction",
        "host_institution__country",
        "planned_start",
        ("partnership", AutocompleteListFilter),
    ]
    list_select_related = ["person", "host_institution", "partnership"]
    search_fields = [
        "person__last_name",
        "person__first_name",
        *localized("host_institution__name"),
        *localized("home_institution__name"),
    ]
    inlines = [SourceLinkInline]
    autocomplete_fields = [
        "person",
        "home_institution",
        "home_team",
        "host_institution",
        "host_team",
        "partnership",
        "agreement",
        "funder",
    ]

    @admin.display(description=_("participant"), ordering="person__last_name")
    def participant(self, obj):
        return obj.person.full_name if obj.person_id else obj.get_category_display()
