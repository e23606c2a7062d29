"""Reads behind the public collaboration pages."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from core.maps import country_shapes, project
from core.models import format_partial_date
from institutions.models import Institution

from .filters import PartnershipFilterSet
from .models import Agreement, AgreementParty, Partnership, PartnershipMember


def _model_of(relation: str):
    """The model at the other end of a relation of Partnership: events and people are reached
    this way, so that partnerships imports neither (no import cycle)."""
    return Partnership._meta.get_field(relation).related_model


def partnership_list(*, params) -> tuple[PartnershipFilterSet, QuerySet, bool]:
    """The public collaborations filtered by `params`; invalid filters are reported, not applied."""
    base = Partnership.objects.public().prefetch_related("themes").order_by("name")
    filterset = PartnershipFilterSet(params or None, queryset=base)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, base, False
    return filterset, filterset.qs.distinct(), True


def public_partnerships() -> QuerySet:
    return Partnership.objects.public().prefetch_related(
        "themes",
        "key_figures",
        Prefetch(
            "members",
            queryset=PartnershipMember.objects.select_related("institution").order_by(
                "institution__country", "institution__name", "role"
            ),
        ),
        Prefetch(
            "agreements",
            queryset=Agreement.objects.public().prefetch_related(
                Prefetch(
                    "parties",
                    queryset=AgreementParty.objects.select_related("institution", "signatory"),
                )
            ),
        ),
        Prefetch("events", queryset=_model_of("events").objects.public()),
        Prefetch(
            "coordinators",
            queryset=_model_of("coordinators").objects.public(),
            to_attr="public_coordinators",
        ),
    )


@dataclass
class TimelineEntry:
    date: datetime.date | None
    label: str
    kind: str
    text: str
    url: str = ""


def timeline(partnership: Partnership) -> list[TimelineEntry]:
    """Agreements, events and mobility milestones in date order; undated entries last."""
    entries = []
    for agreement in partnership.agreements.all():
        entries.append(
            TimelineEntry(
                agreement.signed_on,
                agreement.signed_display,
                _("Agreement"),
                agreement.title,
                agreement.get_absolute_url(),
            )
        )
    for event in partnership.events.all():
        entries.append(
            TimelineEntry(
                event.start_date,
                event.date_display,
                event.get_kind_display(),
                event.title,
                event.get_absolute_url(),
            )
        )
    mobilities = partnership.mobilities.not_cancelled().select_related("host_institution")
    for mobility in mobilities:
        if mobility.start:
            entries.append(
                TimelineEntry(
                    mobility.start,
                    format_partial_date(mobility.start, "day"),
                    _("Mobility"),
                    _("Mobility (%(category)s), host institution: %(host)s")
                    % {
                        "category": mobility.get_category_display(),
                        "host": mobility.host_institution,
                    },
                )
            )
    return sorted(entries, key=lambda e: (e.date is None, e.date or datetime.date.min))


def mobility_summary(partnership: Partnership) -> list[dict]:
    """Mobility counts by category and direction: figures only, never names."""
    mobilities = partnership.mobilities  # mobility sits above partnerships: not imported
    rows = (
        mobilities.not_cancelled()
        .values("category", "direction")
        .annotate(total=Count("pk"))
        .order_by("category", "direction")
    )
    categories = dict(mobilities.model.Category.choices)
    directions = dict(mobilities.model.Direction.choices)
    return [
        {
            "category": categories[row["category"]],
            "direction": directions[row["direction"]],
            "total": row["total"],
        }
        for row in rows
    ]


HUB_SLUG = "canceropole-clara"
LYON = (45.7485, 4.8467)


@dataclass
class MapPoint:
    name: str
    url: str
    city: str
    country: str
    x: float
    y: float
    foreign: bool


@dataclass
class PartnerMap:
    hub: tuple[float, float]
    points: list[MapPoint] = field(default_factory=list)
    country_paths: list[str] = field(default_factory=list)

    @property
    def foreign_points(self) -> list[MapPoint]:
        return [point for point in self.points if point.foreign]


def partner_map(*, partnerships=None) -> PartnerMap:
    """Public partners with coordinates, linked to the region's hub (CLARA, in Lyon)."""
    public = Partnership.objects.public()
    if partnerships is not None:
        public = public.filter(pk__in=[p.pk for p in partnerships])
    institutions = (
        Institution.objects.filter(memberships__partnership__in=public)
        .exclude(Q(latitude__isnull=True) | Q(longitude__isnull=True))
        .distinct()
        .order_by("country", "name")
    )
    hub_institution = Institution.objects.filter(slug=HUB_SLUG).exclude(latitude=None).first()
    hub = (
        (float(hub_institution.latitude), float(hub_institution.longitude))
        if hub_institution
        else LYON
    )
    result = PartnerMap(hub=project(hub[1], hub[0]))
    codes = set()
    for partnership in public.only("countries"):
        codes.update(country.code for country in partnership.countries)
    for institution in institutions:
        x, y = project(float(institution.longitude), float(institution.latitude))
        foreign = institution.country.code != "FR"
        if foreign:
            codes.add(institution.country.code)
        result.points.append(
            MapPoint(
                name=str(institution),
                url=institution.get_absolute_url(),
                city=institution.city,
                country=institution.country.name,
                x=x,
                y=y,
                foreign=foreign,
            )
        )
    result.country_paths = [shape.path for shape in country_shapes() if shape.code in codes]
    return result
