from django.apps import apps
from django.db.models import BooleanField, Case, Prefetch, Q, Value, When
from django.views.generic import DetailView, ListView

from .models import Institution, Team


class InstitutionListView(ListView):
    template_name = "institutions/institution_list.html"
    context_object_name = "institutions"
    paginate_by = 50

    def get_queryset(self):
        self.whole_directory = self.request.GET.get("directory") == "all"
        if not self.whole_directory:
            return Institution.objects.partners().light().order_by("country", "name")
        return (
            Institution.objects.light()
            .annotate(
                is_partner=Case(
                    When(
                        Q(source=Institution.Source.CLARA) | Institution.objects.taking_part(),
                        then=Value(True),
                    ),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
            .order_by("country", "name")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            whole_directory=self.whole_directory,
            query_string="directory=all" if self.whole_directory else "",
            **kwargs,
        )


class InstitutionDetailView(DetailView):
    template_name = "institutions/institution_detail.html"
    context_object_name = "institution"

    def get_queryset(self):
        # A directory organisation has a public page only once it takes part in something.
        partners = Institution.objects.partners()
        return partners.select_related("parent__parent__parent").prefetch_related(
            Prefetch("children", queryset=Institution.objects.partners(), to_attr="partner_units"),
            Prefetch("teams", queryset=Team.objects.prefetch_related("themes")),
            # partnerships sits above institutions: its model is reached by name, not imported.
            apps.get_model("partnerships", "PartnershipMember").objects.public_prefetch(),
        )

    def get_context_data(self, **kwargs):
        institution = self.object
        json_ld = institution.as_schema_org(
            url=self.request.build_absolute_uri(institution.get_absolute_url())
        )
        return super().get_context_data(json_ld=json_ld, **kwargs)


class TeamDetailView(DetailView):
    template_name = "institutions/team_detail.html"
    context_object_name = "team"

    def get_queryset(self):
        people = Team._meta.get_field("leader").related_model.objects
        return Team.objects.select_related("institution").prefetch_related(
            "themes", people.public_prefetch("leader", to_attr="public_leader")
        )

    def get_context_data(self, **kwargs):
        # partnerships sits above institutions: its model is reached by name, not imported.
        collaborations = (
            apps.get_model("partnerships", "Partnership")
            .objects.public()
            .filter(members__institution=self.object.institution)
            .distinct()
        )
        return super().get_context_data(collaborations=collaborations, **kwargs)
