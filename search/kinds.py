"""The kinds of search result, one registry: each kind says its model, filters, starting
queryset, prefetches, CSV columns and result template, instead of `if kind ==` branches."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from institutions.models import Institution, Team
from partnerships.filters import PartnershipFilterSet
from partnerships.models import Partnership, PartnershipMember

from .filters import InstitutionFilterSet, TeamFilterSet, partner_condition


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str | Promise
    model: type[models.Model]
    filterset: type
    base: Callable[..., QuerySet]  # (params) -> the queryset the filters start from
    with_context: Callable[[QuerySet], QuerySet]  # what the results page and CSV read
    csv_headers: tuple[str, ...]
    csv_row: Callable[..., list[str]]  # (obj, absolute url) -> the CSV cells
    result_template: str
    facet_prefix: str | None = None  # where country and institution kind are; None: no facets


def _collaborations(memberships) -> str:
    return "; ".join(sorted({m.partnership.name for m in memberships}))


def _team_row(obj, url: str) -> list[str]:
    institution = obj.institution
    return [
        obj.name,
        str(institution),
        institution.city,
        institution.country.name,
        "; ".join(theme.name for theme in obj.themes.all()),
        _collaborations(institution.public_memberships),
        obj.website,
        url,
    ]


def _institution_row(obj, url: str) -> list[str]:
    return [
        str(obj),
        obj.get_kind_display(),
        obj.city,
        obj.country.name,
        _collaborations(obj.public_memberships),
        obj.website,
        url if obj.is_partner else "",  # a directory organisation without a public page
    ]


def _collaboration_row(obj, url: str) -> list[str]:
    return [
        obj.name,
        obj.get_kind_display(),
        obj.get_status_display() if obj.status_is_known else "",
        "; ".join(country.name for country in obj.countries),
        obj.summary,
        url,
    ]


def _teams_in_context(queryset: QuerySet) -> QuerySet:
    # Neither the page nor the CSV shows the leader; the institution's stored ROR record is
    # not read.
    return (
        queryset.select_related("institution")
        .defer("institution__ror_record", "institution__ror_names")
        .prefetch_related(
            "themes",
            PartnershipMember.objects.public_prefetch("institution__memberships"),
        )
    )


def _institutions_in_context(queryset: QuerySet) -> QuerySet:
    # Whether each row has a public page, in the same query (not one query per directory row).
    is_partner = ExpressionWrapper(partner_condition(), output_field=BooleanField())
    return (
        queryset.light()
        .annotate(is_partner=is_partner)
        .select_related("parent")
        .prefetch_related(
            "teams",  # their names and addresses only
            PartnershipMember.objects.public_prefetch("memberships"),
        )
    )


def _collaborations_in_context(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        "themes",
        Prefetch("members", queryset=PartnershipMember.objects.select_related("institution")),
    )


KINDS: dict[str, SearchKind] = {
    kind.key: kind
    for kind in (
        SearchKind(
            key="teams",
            label=_("Teams"),
            model=Team,
            filterset=TeamFilterSet,
            base=lambda params=None: Team.objects.all(),
            with_context=_teams_in_context,
            csv_headers=(
                "team",
                "institution",
                "city",
                "country",
                "themes",
                "collaborations",
                "website",
                "url",
            ),
            csv_row=_team_row,
            result_template="search/results/team.html",
            facet_prefix="institution__",
        ),
        SearchKind(
            key="institutions",
            label=_("Institutions"),
            model=Institution,
            filterset=InstitutionFilterSet,
            base=InstitutionFilterSet.base_queryset,
            with_context=_institutions_in_context,
            csv_headers=(
                "institution",
                "kind",
                "city",
                "country",
                "collaborations",
                "website",
                "url",
            ),
            csv_row=_institution_row,
            result_template="search/results/institution.html",
            facet_prefix="",
        ),
        SearchKind(
            key="collaborations",
            label=_("Collaborations"),
            model=Partnership,
            filterset=PartnershipFilterSet,
            base=lambda params=None: Partnership.objects.public(),
            with_context=_collaborations_in_context,
            csv_headers=("collaboration", "kind", "status", "countries", "summary", "url"),
            csv_row=_collaboration_row,
            result_template="search/results/collaboration.html",
        ),
    )
}
DEFAULT_KIND = "teams"
