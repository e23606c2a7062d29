from django.views.generic import DetailView, ListView

from core.collation import collated
from core.paging import BoundedPaginator
from pagecache.cache import page_depends_on

from .models import ResearchTheme

TEAMS_PER_PAGE = 30
MAX_TEAM_PAGES = 20  # 600 teams; the search, filtered by the theme, narrows down the rest
COLLABORATIONS_SHOWN = 30
# A theme with at most this many teams has them read by key, then sorted by name; a bigger one
# is read along the name index (its teams are dense enough there to fill a page soon).
SORTED_AFTER_READING = 5_000


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
        paginator = BoundedPaginator(
            self.teams(),
            TEAMS_PER_PAGE,
            max_pages=MAX_TEAM_PAGES,
            # Counted on the link table alone (its index), not on the join.
            count=self.links().count(),
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

    def links(self):
        return ResearchTheme.teams.through.objects.filter(researchtheme=self.object)

    def teams(self):
        """The theme's teams by name. Along the name index, the teams of a small theme are few
        and far between: a deep page would test thousands of teams for the theme."""
        keys = list(self.links().values_list("team_id", flat=True)[: SORTED_AFTER_READING + 1])
        teams = self.object.teams.all()
        if len(keys) <= SORTED_AFTER_READING:
            teams = teams.model.objects.filter(pk__in=keys)
        return teams.select_related("institution").order_by(collated("name"), "pk")
