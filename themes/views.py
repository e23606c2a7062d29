from django.views.generic import DetailView, ListView

from core.cache import page_depends_on
from core.collation import collated
from core.paging import BoundedPaginator

from .models import ResearchTheme

TEAMS_PER_PAGE = 30
MAX_TEAM_PAGES = 100  # 3,000 teams; the search, filtered by the theme, narrows down the rest
COLLABORATIONS_SHOWN = 30


class ResearchThemeListView(ListView):
    template_name = "themes/theme_list.html"
    context_object_name = "themes"
    queryset = ResearchTheme.objects.select_related("parent")


class ResearchThemeDetailView(DetailView):
    """A theme with its first collaborations (all of them on the filtered collaboration list)
    and its teams page by page, by name (an index per language), up to MAX_TEAM_PAGES pages:
    deeper, the search filtered by the theme."""

    template_name = "themes/theme_detail.html"
    context_object_name = "theme"
    queryset = ResearchTheme.objects.select_related("parent").prefetch_related("children")

    def get_context_data(self, **kwargs):
        # Its own collaborations only: another's leave this page fresh.
        page_depends_on(self.request, records=[self.object], through_apps={"partnerships"})
        teams = self.object.teams.select_related("institution").order_by(collated("name"), "pk")
        paginator = BoundedPaginator(
            teams,
            TEAMS_PER_PAGE,
            max_pages=MAX_TEAM_PAGES,
            # Counted on the link table alone (its index), not on the join.
            count=ResearchTheme.teams.through.objects.filter(researchtheme=self.object).count(),
        )
        page = paginator.page_or_404(self.request.GET.get("page"))
        partnerships = list(
            self.object.partnerships.public().order_by(collated("name"), "pk")[
                : COLLABORATIONS_SHOWN + 1
            ]
        )
        return super().get_context_data(
            partnerships=partnerships[:COLLABORATIONS_SHOWN],
            more_partnerships=len(partnerships) > COLLABORATIONS_SHOWN,
            page_obj=page,
            is_paginated=paginator.all_pages > 1,
            teams=page.object_list,
            **kwargs,
        )
