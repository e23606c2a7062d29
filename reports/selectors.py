"""The report's figures, counted by the database (GROUP BY): one query per table whatever the
number of records. The result is plain JSON (codes, not labels), so that an edition can be
frozen and shown later in either language (figures.py gives the labels)."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, DurationField, Exists, F, OuterRef, Q, Sum, When
from django.db.models.functions import Coalesce, ExtractYear

from core.languages import localized
from events.models import Event
from mobility.models import MobilityExchange
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from partnerships.selectors import HUB_SLUG

from .models import PartnershipNarrative, Section

DAYS_PER_MONTH = 30.44  # as the public mobility figures count months
DONE = (MobilityExchange.Status.UNDER_WAY, MobilityExchange.Status.COMPLETED)
NARRATIVES_SHOWN = 200  # on the report page; editions keep every narrative of the period


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    in_force_on: datetime.date

    @classmethod
    def calendar_year(cls, year: int) -> "Period":
        end = datetime.date(year, 12, 31)
        return cls(datetime.date(year, 1, 1), end, end)

    @classmethod
    def academic_year(cls, year: int) -> "Period":
        """September of `year` to August of the next."""
        end = datetime.date(year + 1, 8, 31)
        return cls(datetime.date(year, 9, 1), end, end)

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "in_force_on": self.in_force_on.isoformat(),
        }


@dataclass(frozen=True)
class Filters:
    partnership: int | None = None
    country: str = ""
    theme: int | None = None
    funder: int | None = None

    def partnerships(self):
        """The partnerships the partnership, theme and funder filters keep (None: all)."""
        if not (self.partnership or self.theme or self.funder):
            return None
        kept = Partnership.objects.order_by()
        if self.partnership:
            kept = kept.filter(pk=self.partnership)
        if self.theme:
            kept = kept.filter(
                pk__in=Partnership.themes.through.objects.filter(
                    researchtheme_id=self.theme
                ).values("partnership_id")
            )
        if self.funder:
            kept = kept.filter(pk__in=self._funded())
        return kept.values("pk")

    def _funded(self):
        return PartnershipMember.objects.filter(
            institution_id=self.funder, role=PartnershipMember.Role.FUNDER
        ).values("partnership_id")


def partner_country() -> Case:
    """The country of the partner abroad: the host of an outgoing mobility, else the home."""
    return Case(
        When(direction=MobilityExchange.Direction.OUTGOING, then=F("host_institution__country")),
        default=F("home_institution__country"),
    )


def mobilities(period: Period, filters: Filters):
    """Not cancelled, starting (actually, else as planned) within the period."""
    found = (
        MobilityExchange.objects.not_cancelled()
        .order_by()
        .annotate(
            starts=Coalesce("actual_start", "planned_start"),
            ends=Coalesce("actual_end", "planned_end"),
        )
        .filter(starts__gte=period.start, starts__lte=period.end)
    )
    kept = filters.partnerships()
    if filters.funder:
        found = found.filter(Q(funder_id=filters.funder) | Q(partnership__in=filters._funded()))
        if filters.partnership or filters.theme:
            found = found.filter(partnership__in=kept)
    elif kept is not None:
        found = found.filter(partnership__in=kept)
    found = found.annotate(country=partner_country())
    if filters.country:
        found = found.filter(country=filters.country)
    return found


def months(days) -> float:
    """A sum of date differences (a timedelta, or a number of days on some databases)."""
    if isinstance(days, datetime.timedelta):
        days = days.total_seconds() / 86400
    return round(float(days or 0) / DAYS_PER_MONTH, 1)


def mobility_tables(period: Period, filters: Filters) -> dict:
    """One GROUP BY over year × partner country × category × direction × status; the summaries
    are added up from its rows (a few hundred at most per year)."""
    duration = Case(
        When(starts__isnull=False, ends__isnull=False, then=F("ends") - F("starts")),
        output_field=DurationField(),
    )
    grouped = (
        mobilities(period, filters)
        .annotate(year=ExtractYear("starts"))
        .values("year", "country", "category", "direction", "status")
        .annotate(total=Count("pk"), days=Sum(duration))
        .order_by("year", "country", "category", "direction", "status")
    )
    detail = [
        [
            r["year"],
            r["country"] or "",
            r["category"],
            r["direction"],
            r["status"],
            r["total"],
            months(r["days"]),
        ]
        for r in grouped
    ]
    return {
        "mobility_detail": detail,
        "mobility_stage": _rollup(detail, lambda r: (_stage(r[4]),)),
        "mobility_year_stage": _rollup(detail, lambda r: (r[0], _stage(r[4]))),
        "mobility_country": _rollup(detail, lambda r: (r[1], _stage(r[4]))),
        "mobility_category": _rollup(detail, lambda r: (r[2], _stage(r[4]))),
        "mobility_direction": _rollup(detail, lambda r: (r[3], _stage(r[4]))),
    }


def _stage(status: str) -> str:
    return "done" if status in DONE else "planned"


def _rollup(detail: list, key) -> list:
    totals: dict[tuple, list] = {}
    for row in detail:
        total = totals.setdefault(key(row), [0, 0.0])
        total[0] += row[5]
        total[1] += row[6]
    return [[*k, count, round(pm, 1)] for k, (count, pm) in sorted(totals.items())]


def agreements(user, filters: Filters):
    """The agreements the user may see (the one confidentiality rule), filtered."""
    found = Agreement.objects.visible_to(user).order_by()
    kept = filters.partnerships()
    if kept is not None:
        found = found.filter(partnership__in=kept)
    if filters.country:
        parties = AgreementParty.objects.filter(
            agreement=OuterRef("pk"), institution__country=filters.country
        )
        found = found.filter(Exists(parties))
    return found


def agreement_tables(period: Period, filters: Filters, user) -> dict:
    """Signed in the period; in force on a day and not known to be (the models' rules);
    expiring in the period (in force at its start, ending by its end); renewed in the period
    (a successor the user may see, signed in the period)."""
    visible = agreements(user, filters)
    days = (period.end - period.start).days
    measures = {
        "signed": visible.filter(
            status__in=Agreement.Status.signed(),
            signed_on__gte=period.start,
            signed_on__lte=period.end,
        ),
        "in_force": visible.in_force(period.in_force_on),
        "maybe_in_force": visible.maybe_in_force(period.in_force_on).exclude(
            pk__in=visible.in_force(period.in_force_on).values("pk")
        ),
        "expiring": visible.expiring_within(days, on=period.start),
        "renewed": visible.successor_visible_to(user).filter(
            successor__signed_on__gte=period.start, successor__signed_on__lte=period.end
        ),
    }
    by_kind: dict[str, dict[str, int]] = {}
    for measure, queryset in measures.items():
        for row in queryset.values("kind").annotate(total=Count("pk")).order_by("kind"):
            by_kind.setdefault(row["kind"], {})[measure] = row["total"]
    summary = [[m, sum(k.get(m, 0) for k in by_kind.values())] for m in measures]
    kinds = [
        [kind, *(counts.get(m, 0) for m in measures)] for kind, counts in sorted(by_kind.items())
    ]
    return {"agreements_summary": summary, "agreements_by_kind": kinds}


def event_tables(period: Period, filters: Filters) -> dict:
    found = Event.objects.order_by().filter(
        start_date__gte=period.start, start_date__lte=period.end
    )
    kept = filters.partnerships()
    if kept is not None:
        found = found.filter(partnership__in=kept)
    if filters.country:
        found = found.filter(country=filters.country)
    rows = found.values("kind", "country").annotate(total=Count("pk")).order_by("kind", "country")
    return {"events": [[r["kind"], r["country"] or "", r["total"]] for r in rows]}


def partner_tables(period: Period, filters: Filters) -> dict:
    """Institutions taking part (not only funding or supporting; CLARA aside) in partnerships
    running during the period, per country."""
    running = Partnership.objects.order_by().filter(
        Q(start_date__isnull=True) | Q(start_date__lte=period.end),
        Q(end_date__isnull=True) | Q(end_date__gte=period.start),
    )
    kept = filters.partnerships()
    if kept is not None:
        running = running.filter(pk__in=kept)
    members = (
        PartnershipMember.objects.order_by()
        .filter(partnership__in=running.values("pk"))
        .exclude(role__in=[PartnershipMember.Role.FUNDER, PartnershipMember.Role.SUPPORTER])
        .exclude(institution__slug=HUB_SLUG)
    )
    if filters.country:
        members = members.filter(institution__country=filters.country)
    rows = (
        members.values("institution__country")
        .annotate(
            institutions=Count("institution", distinct=True),
            partnerships=Count("partnership", distinct=True),
        )
        .order_by("institution__country")
    )
    return {
        "partners": [
            [r["institution__country"] or "", r["institutions"], r["partnerships"]] for r in rows
        ]
    }


def narrative_tables(period: Period, filters: Filters, *, limit: int | None = None) -> dict:
    found = PartnershipNarrative.objects.filter(year__in=list(period.years)).order_by(
        "year", "partnership__name", "pk"
    )
    kept = filters.partnerships()
    if kept is not None:
        found = found.filter(partnership__in=kept)
    names = localized("partnership__name")
    texts = localized("highlights")
    rows = found.values("pk", "partnership_id", "year", *names, *texts)
    if limit is not None:
        rows = rows[:limit]
    return {
        "narratives": [
            [
                {name.rsplit("_", 1)[1]: r[name] for name in names},
                r["year"],
                {text.rsplit("_", 1)[1]: r[text] for text in texts},
                r["partnership_id"],
            ]
            for r in rows
        ]
    }


def compute(
    sections: list[str], period: Period, filters: Filters, user, *, narratives_limit=None
) -> dict:
    """The figures of these sections: {"period": …, "tables": {table key: rows}}."""
    tables: dict = {}
    for section in sections:
        if section == Section.MOBILITY:
            tables.update(mobility_tables(period, filters))
        elif section == Section.AGREEMENTS:
            tables.update(agreement_tables(period, filters, user))
        elif section == Section.EVENTS:
            tables.update(event_tables(period, filters))
        elif section == Section.PARTNERS:
            tables.update(partner_tables(period, filters))
        elif section == Section.NARRATIVES:
            tables.update(narrative_tables(period, filters, limit=narratives_limit))
    return {"period": period.as_json(), "sections": list(sections), "tables": tables}
