from django.views.generic import DetailView, ListView

from .models import Institution, Team


class InstitutionListView(ListView):
    template_name = "institutions/institution_list.html"
    context_object_name = "institutions"
    paginate_by = 50

    def get_queryset(self):
        return Institution.objects.select_related("parent").order_by("country", "name")


class InstitutionDetailView(DetailView):
    template_name = "institutions/institution_detail.html"
    context_object_name = "institution"

    def get_queryset(self):
        return Institution.objects.select_related("parent__parent").prefetch_related(
            "children", "teams"
        )


class TeamDetailView(DetailView):
    template_name = "institutions/team_detail.html"
    context_object_name = "team"

    def get_queryset(self):
        return Team.objects.select_related("institution").prefetch_related("themes")
