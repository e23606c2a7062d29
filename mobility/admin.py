from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraImportExportAdmin
from adminkit.admin_scale import AutocompleteListFilter, InUseChoicesListFilter
from core.languages import localized
from partnerships.admin import AgreementVisibilityMixin
from sources.admin import SourceLinkInline

from .models import MobilityExchange
from .resources import MobilityExchangeResource


@admin.register(MobilityExchange)
class MobilityExchangeAdmin(AgreementVisibilityMixin, ClaraImportExportAdmin):
    resource_classes = [MobilityExchangeResource]
    # Fits 1440 px with the filters beside it: kind and dates in one column each, long names
    # wrapped (static/css/admin.css).
    list_display = [
        "participant",
        "kind",
        "host_institution",
        "partnership",
        "dates",
        "status",
    ]
    list_filter = [
        "status",
        "category",
        "direction",
        ("host_institution__country", InUseChoicesListFilter),
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

    @admin.display(description=_("kind"), ordering="category")
    def kind(self, obj):
        return f"{obj.get_category_display()} · {obj.get_direction_display()}"

    @admin.display(description=_("planned dates"), ordering="planned_start")
    def dates(self, obj):
        start, end = (
            date_format(day, "SHORT_DATE_FORMAT") if day else "…"
            for day in (obj.planned_start, obj.planned_end)
        )
        return f"{start} – {end}"
