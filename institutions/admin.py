from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import ClaraImportExportAdmin

from .models import Institution, Team
from .resources import InstitutionResource, TeamResource


class TeamInline(TranslationTabularInline):
    model = Team
    fields = ["name", "slug", "leader"]
    autocomplete_fields = ["leader"]
    prepopulated_fields = {"slug": ["name_fr"]}
    show_change_link = True
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(ClaraImportExportAdmin):
    resource_classes = [InstitutionResource]
    list_display = [
        "name",
        "acronym",
        "kind",
        "network_role",
        "city",
        "country",
        "parent",
        "team_count",
    ]
    list_filter = ["network_role", "kind", "country"]
    list_select_related = ["parent"]
    search_fields = ["name_fr", "name_en", "acronym", "city_fr", "city_en", "ror_id", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_fr"]}
    inlines = [TeamInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "network_role", "parent"]}),
        (_("Location"), {"fields": ["country", "city", "latitude", "longitude"]}),
        (
            _("Identifiers and links"),
            {"fields": ["website", "ror_id", "wikidata_id", "founded_year"]},
        ),
        (_("Description"), {"fields": ["description"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(team_total=Count("teams"))

    @admin.display(description=_("Teams"), ordering="team_total")
    def team_count(self, obj):
        return obj.team_total


@admin.register(Team)
class TeamAdmin(ClaraImportExportAdmin):
    resource_classes = [TeamResource]
    list_display = ["name", "institution", "country", "leader"]
    list_select_related = ["institution", "leader"]
    list_filter = ["institution__country", "themes"]
    search_fields = [
        "name_fr",
        "name_en",
        "institution__name_fr",
        "institution__name_en",
        "institution__acronym",
        "slug",
    ]
    autocomplete_fields = ["institution", "leader", "themes"]
    prepopulated_fields = {"slug": ["name_fr"]}

    @admin.display(description=_("country"), ordering="institution__country")
    def country(self, obj):
        return obj.institution.country.name
