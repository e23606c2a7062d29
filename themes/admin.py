from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraModelAdmin
from core.languages import in_default_language, localized
from core.paging import count_of

from .models import ResearchTheme


@admin.register(ResearchTheme)
class ResearchThemeAdmin(ClaraModelAdmin):
    list_display = ["name", "parent", "team_count", "partnership_count"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = [*localized("name"), "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": [in_default_language("name")]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                team_total=count_of(ResearchTheme.teams.through, "researchtheme"),
                partnership_total=count_of(ResearchTheme.partnerships.through, "researchtheme"),
            )
        )

    @admin.display(description=_("Teams"), ordering="team_total")
    def team_count(self, obj):
        return obj.team_total

    @admin.display(description=_("Partnerships"), ordering="partnership_total")
    def partnership_count(self, obj):
        return obj.partnership_total
