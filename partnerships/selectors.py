"""Reads behind the public collaboration pages."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from core.models import format_partial_date
from events.models import Event
from mobility.models import MobilityExchange
from people.models import Person

from .filters import PartnershipFilterSet
from .models import Agreement, AgreementParty, Partnership, PartnershipMember


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
        Prefetch("events", queryset=Event.objects.public()),
        Prefetch(
            "coordinators",
            queryset=Person.objects.public(),
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
    mobilities = (
        MobilityExchange.objects.filter(partnership=partnership)
        .exclude(status=MobilityExchange.Status.CANCELLED)
        .select_related("host_institution")
    )
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
    rows = (
        MobilityExchange.objects.filter(partnership=partnership)
        .exclude(status=MobilityExchange.Status.CANCELLED)
        .values("category", "direction")
        .annotate(total=Count("pk"))
        .order_by("category", "direction")
    )
    categories = dict(MobilityExchange.Category.choices)
    directions = dict(MobilityExchange.Direction.choices)
    return [
        {
            "category": categories[row["category"]],
            "direction": directions[row["direction"]],
            "total": row["total"],
        }
        for row in rows
    ]
