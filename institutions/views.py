from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Value, When
from django.urls import reverse
from django.views.generic import DetailView, ListView
from django_countries import countries

from core.collation import collated
from core.paging import UncountedPaginator
from pagecache.cache import page_depends_on

from .models import Institution, Team

TEAMS_PER_PAGE = 30
UNITS_SHOWN = 30
COLLABORATIONS_SHOWN = 30


class InstitutionPaginator(UncountedPaginator):
    max_pages = 20  # 1,000 institutions; a country, the map or the search narrows down the rest


class InstitutionListView(ListView):
    """CLARA's partners (or the whole directory) by country and name, on an index of both;
    pages are not counted (a count reads every row), and the list stops at its 100th page (a
    deep page skips, and tests, every row before it): search or a country go further."""

    template_name = "institutions/institution_list.html"
    context_object_name = "institutions"
    paginate_by = 50
    paginator_class = InstitutionPaginator

    def get_queryset(self):
        self.whole_directory = self.request.GET.get("directory") == "all"
        code = self.request.GET.get("country", "").upper()
        self.country = code if code in countries else ""
        if not self.whole_directory:
            # Partners by definition (no per-row test in the template).
            queryset = (
                Institution.objects.partners_probed().light().annotate(is_partner=Value(True))
            )
        else:
            queryset = Institution.objects.light().annotate(
                is_partner=Case(
                    When(Institution.objects.partner_condition(), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        if self.country:
            queryset = queryset.filter(country=self.country)
        return queryset.order_by("country", collated("name"), "pk")

    def get_context_data(self, **kwargs):
        params = {}
        if self.whole_directory:
            params["directory"] = "all"
        if self.country:
            params["country"] = self.country
        return super().get_context_data(
            whole_directory=self.whole_directory,
            country_name=countries.name(self.country) if self.country else "",
            map_url=reverse("website:map"),
            search_url=reverse("search:search"),
            query_string="&".join(f"{key}={value}" for key, value in params.items()),
            **kwargs,
        )


class InstitutionDetailView(DetailView):
    """An institution with its first units and collaborations, and its teams page by page."""

    template_name = "institutions/institution_detail.html"
    context_object_name = "institution"

    def get_queryset(self):
        # A directory organisation has a public page only once it takes part in something.
        return Institution.objects.partners_probed().select_related("parent__parent__parent")

    def get_context_data(self, **kwargs):
        institution = self.object
        # Its collaborations are its own: another institution's leave this page fresh.
        page_depends_on(self.request, records=[institution], through_apps={"partnerships"})
        json_ld = institution.as_schema_org(
            url=self.request.build_absolute_uri(institution.get_absolute_url())
        )
        teams = Paginator(
            Team.objects.filter(institution=institution)
            .prefetch_related("themes")
            .order_by(collated("name"), "pk"),
            TEAMS_PER_PAGE,
        ).get_page(self.request.GET.get("page"))
        units = list(
            Institution.objects.partners_probed()
            .light()
            .filter(parent=institution)
            .order_by(collated("name"), "pk")[: UNITS_SHOWN + 1]
        )
        # partnerships sits above institutions: its model is reached by name, not imported.
        memberships = list(
            apps.get_model("partnerships", "PartnershipMember")
            .objects.public()
            .filter(institution=institution)
            .select_related("partnership")
            .order_by(collated("partnership__name"), "pk")[: COLLABORATIONS_SHOWN + 1]
        )
        return super().get_context_data(
            json_ld=json_ld,
            teams=teams.object_list,
            page_obj=teams,
            is_paginated=teams.has_other_pages(),
            partner_units=units[:UNITS_SHOWN],
            more_units=len(units) > UNITS_SHOWN,
            public_memberships=memberships[:COLLABORATIONS_SHOWN],
            more_memberships=len(memberships) > COLLABORATIONS_SHOWN,
            **kwargs,
        )


class TeamDetailView(DetailView):
    template_name = "institutions/team_detail.html"
    context_object_name = "team"

    def get_queryset(self):
        people = Team._meta.get_field("leader").related_model.objects
        return Team.objects.select_related("institution").prefetch_related(
            "themes", people.public_prefetch("leader", to_attr="public_leader")
        )

    def get_context_data(self, **kwargs):
        # Its institution's collaborations only: another's leave this page fresh.
        institution = self.object.institution
        page_depends_on(self.request, records=[institution], through_apps={"partnerships"})
        # partnerships sits above institutions: its model is reached by name, not imported.
        collaborations = (
            apps.get_model("partnerships", "Partnership")
            .objects.public()
            .filter(members__institution=institution)
            .distinct()
            .order_by(collated("name"), "pk")[:COLLABORATIONS_SHOWN]
        )
        return super().get_context_data(collaborations=collaborations, **kwargs)
