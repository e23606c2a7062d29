from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from partnerships.models import Partnership, PartnershipMember

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
        return Institution.objects.select_related("parent__parent__parent").prefetch_related(
            "children",
            Prefetch("teams", queryset=Team.objects.prefetch_related("themes")),
            Prefetch(
                "memberships",
                queryset=PartnershipMember.objects.filter(
                    partnership__in=Partnership.objects.public()
                ).select_related("partnership"),
                to_attr="public_memberships",
            ),
        )


class TeamDetailView(DetailView):
    template_name = "institutions/team_detail.html"
    context_object_name = "team"

    def get_queryset(self):
        return Team.objects.select_related("institution", "leader").prefetch_related("themes")

    def get_context_data(self, **kwargs):
        collaborations = (
            Partnership.objects.public()
            .filter(members__institution=self.object.institution)
            .distinct()
        )
        return super().get_context_data(collaborations=collaborations, **kwargs)
