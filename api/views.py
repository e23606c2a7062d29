from django.conf import settings
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from core.filters import SlugChoiceFilter
from core.paging import count_of
from core.text import words
from core.typography import typography
from events.models import Event
from institutions.models import Institution, Team
from institutions.resolver import MAX_LENGTH, resolve_affiliation
from partnerships.filters import PartnershipFilterSet
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from people.models import Person
from search import selectors as search
from search.filters import InstitutionFilterSet, TeamFilterSet, partner_condition
from search.kinds import KINDS
from sources.selectors import attach_sources
from themes.models import ResearchTheme

from . import serializers
from .pagination import Key, SeekOrder

SEARCH = OpenApiParameter("q", str, description="Keywords, in French or English.")


def only_unknown_records(filterset) -> bool:
    """The only errors are slugs that name no record (any string is a valid slug)."""
    errors = filterset.form.errors.as_data()
    return all(
        isinstance(filterset.filters.get(name), SlugChoiceFilter)
        and all(error.code == "invalid_choice" for error in field_errors)
        for name, field_errors in errors.items()
    )


class SeekMixin:
    """A list sorted by `seek_order` (ending with the primary key): its `next` and `previous`
    links carry a cursor, so that a page costs the same at any depth (api/pagination.py)."""

    seek_order = SeekOrder("name", "pk")

    def paginate_queryset(self, queryset, **known):
        known.setdefault("seek", self.seek_order)
        return self.paginator.paginate_queryset(queryset, self.request, view=self, **known)


class CitedSourcesMixin:
    """A list page's sources in one query (`cited_sources`), not one per record."""

    def paginate_queryset(self, queryset, **known):
        page = super().paginate_queryset(queryset, **known)
        if page is not None:
            page = list(page)
            attach_sources(page)
        return page


class SearchableViewSet(SeekMixin, viewsets.ReadOnlyModelViewSet):
    """Same filters and ranking as the search page; invalid filters give a 400 with the reason.
    Ranked results (`q`) have numbered pages; the plain list sorted by name has cursors."""

    lookup_field = "slug"
    kind = ""

    def list(self, request, *args, **kwargs):
        query = request.query_params.get("q", "")
        if errors := search.keyword_errors(query):
            raise ValidationError({"q": errors})
        if not words(query):
            return self.plain_list(request)
        found = search.search(kind=self.kind, params=request.query_params, candidates=True)
        if not found.valid:
            if not only_unknown_records(found.filterset):
                raise ValidationError(found.filterset.errors)
            # An unknown theme or collaboration: no match.
            page = self.paginate_queryset(self.get_queryset().none(), count=0, seek=None)
        else:
            # The ranked candidates, read a page at a time: their number is known (capped
            # beyond the bound).
            results = found.ranked(self.get_queryset())
            page = self.paginate_queryset(
                results, count=found.count, capped=found.capped, seek=None
            )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def plain_list(self, request):
        """Without keywords: every match of the search page's filters, by name (seek_order),
        counted up to API_COUNT_CAP. Nothing to rank, so no candidates are gathered."""
        kind = KINDS[self.kind]
        filters = request.query_params.copy()
        for name in ("q", self.paginator.page_query_param, self.paginator.cursor_query_param):
            filters.pop(name, None)  # not filters: without any, the filter form is not validated
        filterset = kind.filterset(filters or None, queryset=kind.base(request.query_params))
        if filterset.is_bound and not filterset.is_valid():
            if not only_unknown_records(filterset):
                raise ValidationError(filterset.errors)
            # An unknown theme or collaboration: no match.
            page = self.paginate_queryset(self.get_queryset().none(), count=0)
        else:
            listed, known = self.matching(filterset, filtered=bool(filters))
            page = self.paginate_queryset(listed, **known)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def matching(self, filterset, *, filtered: bool) -> tuple:
        """The rows to list, and what is known of their number. Few matches (up to
        API_COUNT_CAP) are read first, then sorted; many are read in the list's order, the
        filters tested on each row of the sort index until a page is full."""
        if filtered:
            cap = settings.API_COUNT_CAP
            matches = list(filterset.qs.order_by().values_list("pk", flat=True)[: cap + 1])
            if len(matches) <= cap:
                return self.get_queryset().filter(pk__in=matches), {"count": len(matches)}
        return self.with_related(filterset.qs), {}

    def with_related(self, queryset):
        """`queryset`'s rows as the serializer reads them (with their related records)."""
        return self.get_queryset().filter(pk__in=queryset.order_by().values("pk"))


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class InstitutionViewSet(SearchableViewSet):
    serializer_class = serializers.InstitutionSerializer
    filterset_class = InstitutionFilterSet
    kind = "institutions"

    def get_queryset(self):
        return self.with_related(Institution.objects.all())

    def with_related(self, queryset):
        return queryset.light().select_related("parent")

    def paginate_queryset(self, queryset, **known):
        """Which rows of the page are CLARA partners (they have a public page): all of them
        unless the whole directory is listed, then one query for the page."""
        page = super().paginate_queryset(queryset, **known)
        if page and self.request.query_params.get("directory") != "all":
            for obj in page:
                obj.is_partner = True  # the list starts from the partners (base_queryset)
        elif page:
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
        return self.with_related(Team.objects.all())

    def with_related(self, queryset):
        return queryset.select_related("institution").prefetch_related(
            "themes", Person.objects.public_prefetch("leader", to_attr="public_leader")
        )


def first_rows(queryset, field: str):
    """The first API_RELATED_SHOWN rows of `queryset` for each value of `field` (in the
    queryset's order), in one query: a network's hundreds of members are on their own list."""
    order = [
        F(name[1:]).desc() if name.startswith("-") else F(name).asc()
        for name in queryset.query.order_by
    ]
    return queryset.annotate(
        place=Window(RowNumber(), partition_by=[F(field)], order_by=order)
    ).filter(place__lte=settings.API_RELATED_SHOWN)


class RelatedPagesMixin:
    """`<record>/<name>/`: every related row of a public record, page by page (numbered)."""

    def related_page(self, queryset, serializer_class):
        page = self.paginator.paginate_queryset(queryset, self.request, view=self)
        return self.paginator.get_paginated_response(serializer_class(page, many=True).data)


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class PartnershipViewSet(CitedSourcesMixin, RelatedPagesMixin, SearchableViewSet):
    serializer_class = serializers.PartnershipSerializer
    filterset_class = PartnershipFilterSet
    kind = "collaborations"

    def get_queryset(self):
        queryset = (
            Partnership.objects.public()
            .prefetch_related("themes")
            .annotate(members_total=count_of(PartnershipMember, "partnership"))
        )
        if self.action in ("list", "members"):
            return queryset  # the page's members are attached as rows (paginate_queryset)
        members = first_rows(members_in_order(), "partnership")
        return queryset.prefetch_related(Prefetch("members", queryset=members))

    def paginate_queryset(self, queryset, **known):
        """The first members of the page's collaborations in one query, as (slug, role) rows:
        records for each would be most of the page's work."""
        page = super().paginate_queryset(queryset, **known)
        if page:
            rows: dict[int, list[dict]] = {obj.pk: [] for obj in page}
            members = first_rows(members_in_order(), "partnership").filter(
                partnership__in=list(rows)
            )
            for partnership, institution, role in members.values_list(
                "partnership_id", "institution__slug", "role"
            ):
                rows[partnership].append({"institution": institution, "role": role})
            for obj in page:
                obj.member_rows = rows[obj.pk]
        return page

    @extend_schema(responses=serializers.MemberSerializer(many=True), filters=False)
    @action(detail=True, filter_backends=[])
    def members(self, request, slug=None):
        """Every member of the collaboration, by role then name."""
        partnership = self.get_object()
        return self.related_page(
            members_in_order().filter(partnership=partnership), serializers.MemberSerializer
        )


def members_in_order():
    """By role, then name (the model's order also sorts by partnership: a join not needed)."""
    return (
        PartnershipMember.objects.select_related("institution")
        .only("partnership", "role", "institution__slug")
        .order_by("role", "institution__name", "pk")
    )


class ThemeViewSet(SeekMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.ThemeSerializer
    queryset = ResearchTheme.objects.select_related("parent")
    lookup_field = "slug"
    filterset_fields = ["parent__slug"]


class PersonViewSet(SeekMixin, viewsets.ReadOnlyModelViewSet):
    """People who agreed to be named publicly; never their e-mail."""

    seek_order = SeekOrder("last_name", "first_name", "pk")

    serializer_class = serializers.PersonSerializer
    queryset = Person.objects.public().select_related("affiliation")
    lookup_field = "slug"
    filterset_fields = ["affiliation__slug", "affiliation__country"]


class AgreementViewSet(
    CitedSourcesMixin, RelatedPagesMixin, SeekMixin, viewsets.ReadOnlyModelViewSet
):
    """Non-confidential agreements of public collaborations, the latest signed first."""

    seek_order = SeekOrder(Key("signed_on", descending=True), "reference", "pk")

    serializer_class = serializers.AgreementSerializer
    lookup_field = "slug"
    filterset_fields = ["status", "kind", "partnership__slug", "parties__institution__slug"]

    def get_queryset(self):
        queryset = (
            Agreement.objects.published()
            .select_related("partnership")
            .prefetch_related("themes")
            .annotate(parties_total=count_of(AgreementParty, "agreement"))
        )
        if self.action == "parties":
            return queryset
        # The first parties, only their institution's slug, in the agreement's order.
        return queryset.prefetch_related(
            Prefetch("parties", queryset=first_rows(parties_in_order(), "agreement"))
        )

    @extend_schema(responses=serializers.PartySerializer(many=True), filters=False)
    @action(detail=True, filter_backends=[])
    def parties(self, request, slug=None):
        """Every party of the agreement, in the agreement's order."""
        agreement = self.get_object()
        return self.related_page(
            parties_in_order().filter(agreement=agreement), serializers.PartySerializer
        )


def parties_in_order():
    return (
        AgreementParty.objects.select_related("institution")
        .only("agreement", "institution__slug")
        .order_by("position", "pk")
    )


class EventViewSet(CitedSourcesMixin, SeekMixin, viewsets.ReadOnlyModelViewSet):
    """Public events, the latest first."""

    seek_order = SeekOrder(Key("start_date", descending=True), "title", "pk")

    serializer_class = serializers.EventSerializer
    queryset = Event.objects.public().select_related("partnership")
    lookup_field = "slug"
    filterset_fields = ["kind", "country", "partnership__slug"]


AFFILIATION = OpenApiParameter(
    "q",
    # Not blank, no NUL character, at most MAX_LENGTH characters: anything else is a 400.
    {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_LENGTH,
        "pattern": r"^[^\u0000]*\S[^\u0000]*$",
    },
    required=True,
    description=(
        "An affiliation as written in a paper, a form or a spreadsheet, such as “Inst. Pasteur, "
        f"Paris, France” (at most {MAX_LENGTH:,} characters)."
    ),
)
COUNTRY = OpenApiParameter(
    "country",
    {"type": "string", "pattern": "^([A-Za-z]{2})?$"},
    description="ISO 3166 code of the country, when it is known (FR).",
)


class AffiliationView(APIView):
    """The directory's organisations that a free-text affiliation names, best first, with the
    reason of each; `chosen` is the one meant when it is clear (never for an acronym alone, an
    ambiguous name or a string naming no organisation). Public directory data only."""

    @extend_schema(
        operation_id="affiliations_resolve",
        parameters=[AFFILIATION, COUNTRY],
        responses=serializers.AffiliationAnswerSerializer,
    )
    def get(self, request):
        query = request.query_params.get("q", "")
        country = request.query_params.get("country", "").upper()
        if "\x00" in query:
            raise ValidationError({"q": [_("The affiliation contains a NUL character.")]})
        if not query.strip():
            raise ValidationError({"q": [_("Give an affiliation to look for.")]})
        if len(query) > MAX_LENGTH:
            message = _("The affiliation is too long: at most %(max)s characters.")
            limit = number_format(MAX_LENGTH, force_grouping=True)
            raise ValidationError({"q": [typography(message % {"max": limit})]})
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise ValidationError({"country": [_("Give a two-letter country code, such as FR.")]})
        candidates = [c.as_dict() for c in resolve_affiliation(query, country=country or None)]
        chosen = next((c for c in candidates if c["chosen"]), None)
        return Response({"query": query, "chosen": chosen, "candidates": candidates})
