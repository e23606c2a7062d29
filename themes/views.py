from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from institutions.models import Team
from partnerships.models import Partnership

from .models import ResearchTheme


class ResearchThemeListView(ListView):
    template_name = "themes/theme_list.html"
    context_object_name = "themes"
    queryset = ResearchTheme.objects.select_related("parent")


class ResearchThemeDetailView(DetailView):
    template_name = "themes/theme_detail.html"
    context_object_name = "theme"

    def get_queryset(self):
        return ResearchTheme.objects.select_related("parent").prefetch_related(
            "children",
            Prefetch("teams", queryset=Team.objects.select_related("institution")),
            Prefetch("partnerships", queryset=Partnership.objects.public()),
        )
