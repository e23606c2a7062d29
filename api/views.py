from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from core.filters import SlugChoiceFilter
from core.text import words
from events.models import Event
from institutions.models import Institution, Team
from partnerships.filters import PartnershipFilterSet
from partnerships.models import Agreement, Partnership, PartnershipMember
from people.models import Person
from search import selectors as search
from search.filters import InstitutionFilterSet, TeamFilterSet, partner_condition
from sources.selectors import attach_sources
from themes.models import ResearchTheme

from . import serializers

SEARCH = OpenApiParameter("q", str, description="Keywords, in French or English.")


def only_unknown_records(filterset) -> bool:
    """The only errors are slugs that name no record (any string is a valid slug)."""
    errors = filterset.form.errors.as_data()
    return all(
        isinstance(filterset.filters.get(name), SlugChoiceFilter)
        and all(error.code == "invalid_choice" for error in field_errors)
        for name, field_errors in errors.items()
    )


class CitedSourcesMixin:
    """A list page's sources in one query (`cited_sources`), not one per record."""

    def paginate_queryset(self, queryset, **known):
        page = super().paginate_queryset(queryset, **known)
        if page is not None:
            page = list(page)
            attach_sources(page)
        return page


class SearchableViewSet(viewsets.ReadOnlyModelViewSet):
    """Same filters and ranking as the search page; invalid filters give a 400 with the reason."""

    lookup_field = "slug"
    kind = ""

    def list(self, request, *args, **kwargs):
        keywords = bool(words(request.query_params.get("q", "")))
        found = search.search(kind=self.kind, params=request.query_params, candidates=keywords)
        if not found.valid:
            if not only_unknown_records(found.filterset):
                raise ValidationError(found.filterset.errors)
            # An unknown theme or collaboration: no match.
            page = self.paginate_queryset(self.get_queryset().none(), count=0)
        elif keywords:
            # The ranked candidates, read a page at a time: their number is known (capped
            # beyond the bound).
            results = found.ranked(self.get_queryset())
            page = self.paginate_queryset(results, count=found.count, capped=found.capped)
        else:
            # A plain list: every match by name, counted up to API_COUNT_CAP.
            matches = found.matches.values("pk")
            page = self.paginate_queryset(
                self.get_queryset().filter(pk__in=matches).order_by("name", "pk")
            )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def paginate_queryset(self, queryset, **known):
        return self.paginator.paginate_queryset(queryset, self.request, view=self, **known)


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class InstitutionViewSet(SearchableViewSet):
    serializer_class = serializers.InstitutionSerializer
    filterset_class = InstitutionFilterSet
    kind = "institutions"

    def get_queryset(self):
        return Institution.objects.light().select_related("parent")

    def paginate_queryset(self, queryset, **known):
        """Which rows of the page are CLARA partners (they have a public page): one query."""
        page = super().paginate_queryset(queryset, **known)
        if page:
            partners = set(
                Institution.objects.filter(pk__in=[obj.pk for obj in page])
                .filter(partner_condition())
                .values_list("pk", flat=True)
            )
            for obj in page:
                obj.is_partner = obj.pk in partners
        return page


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class TeamViewSet(SearchableViewSet):
    serializer_class = serializers.TeamSerializer
    filterset_class = TeamFilterSet
    kind = "teams"

    def get_queryset(self):
        return Team.objects.select_related("institution").prefetch_related(
            "themes", Person.objects.public_prefetch("leader", to_attr="public_leader")
        )


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class PartnershipViewSet(CitedSourcesMixin, SearchableViewSet):
    serializer_class = serializers.PartnershipSerializer
    filterset_class = PartnershipFilterSet
    kind = "collaborations"

    def get_queryset(self):
        return Partnership.objects.public().prefetch_related(
            "themes",
            Prefetch("members", queryset=PartnershipMember.objects.select_related("institution")),
        )


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.ThemeSerializer
    queryset = ResearchTheme.objects.select_related("parent")
    lookup_field = "slug"
    filterset_fields = ["parent__slug"]


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People who agreed to be named publicly; never their e-mail."""

    serializer_class = serializers.PersonSerializer
    queryset = Person.objects.public().select_related("affiliation")
    lookup_field = "slug"
    filterset_fields = ["affiliation__slug", "affiliation__country"]


class AgreementViewSet(CitedSourcesMixin, viewsets.ReadOnlyModelViewSet):
    """Non-confidential agreements of public collaborations."""

    serializer_class = serializers.AgreementSerializer
    queryset = (
        Agreement.objects.published()
        .select_related("partnership")
        .prefetch_related("parties__institution", "themes")
    )
    lookup_field = "slug"
    filterset_fields = ["status", "kind", "partnership__slug", "parties__institution__slug"]


class EventViewSet(CitedSourcesMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EventSerializer
    queryset = Event.objects.public().select_related("partnership")
    lookup_field = "slug"
    filterset_fields = ["kind", "country", "partnership__slug"]
