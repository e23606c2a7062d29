from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from core.cache import page_depends_on

from .models import ResearchTheme

TEAMS_PER_PAGE = 30
COLLABORATIONS_SHOWN = 30


class ResearchThemeListView(ListView):
    template_name = "themes/theme_list.html"
    context_object_name = "themes"
    queryset = ResearchTheme.objects.select_related("parent")


class ResearchThemeDetailView(DetailView):
    """A theme with its first collaborations (all of them on the filtered collaboration list)
    and its teams page by page, by name (an index per language)."""

    template_name = "themes/theme_detail.html"
    context_object_name = "theme"
    queryset = ResearchTheme.objects.select_related("parent").prefetch_related("children")

    def get_context_data(self, **kwargs):
        # Its own collaborations only: another's leave this page fresh.
        page_depends_on(self.request, records=[self.object], through_apps={"partnerships"})
        teams = self.object.teams.select_related("institution").order_by("name", "pk")
        paginator = Paginator(teams, TEAMS_PER_PAGE)
        # Counted on the link table alone (its index), not on the join.
        paginator.count = ResearchTheme.teams.through.objects.filter(
            researchtheme=self.object
        ).count()
        page = paginator.get_page(self.request.GET.get("page"))
        partnerships = list(
            self.object.partnerships.public().order_by("name", "pk")[: COLLABORATIONS_SHOWN + 1]
        )
        return super().get_context_data(
            partnerships=partnerships[:COLLABORATIONS_SHOWN],
            more_partnerships=len(partnerships) > COLLABORATIONS_SHOWN,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            teams=page.object_list,
            **kwargs,
        )
