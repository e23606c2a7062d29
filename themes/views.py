from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from .models import ResearchTheme


class ResearchThemeListView(ListView):
    template_name = "themes/theme_list.html"
    context_object_name = "themes"
    queryset = ResearchTheme.objects.select_related("parent")


class ResearchThemeDetailView(DetailView):
    template_name = "themes/theme_detail.html"
    context_object_name = "theme"
    queryset = ResearchTheme.objects.select_related("parent").prefetch_related("children")

    def get_context_data(self, **kwargs):
        teams = self.object.teams.select_related("institution").order_by("name")
        page = Paginator(teams, 30).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            partnerships=self.object.partnerships.public().order_by("name"),
            page_obj=page,
            is_paginated=page.has_other_pages(),
            teams=page.object_list,
            **kwargs,
        )
