"""Mobility figures for the public: aggregates only, never a name."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Count, DurationField, F, Sum, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from core.collation import sort_key
from core.languages import content_languages, localized
from pagecache import versioned

from .models import MobilityExchange

DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float
    y: int  # the row's offset in the chart
    width: int  # the bar's length, proportional to the largest value


@dataclass
class Figure:
    key: str
    title: str
    rows: list[tuple[str, float]]

    CHART_ROWS = 15
    ROW_HEIGHT = 10
    BAR_WIDTH = 300

    @property
    def maximum(self) -> float:
        return max((value for _label, value in self.rows), default=0) or 1

    @property
    def chart_rows(self) -> list[tuple[str, float]]:
        """The chart shows the first rows; the table and the CSV have them all."""
        return self.rows[: self.CHART_ROWS]

    @property
    def chart_bars(self) -> list[ChartBar]:
        return [
            ChartBar(
                label=label,
                value=value,
                y=index * self.ROW_HEIGHT,
                width=round(value / self.maximum * self.BAR_WIDTH),
            )
            for index, (label, value) in enumerate(self.chart_rows)
        ]

    @property
    def chart_height(self) -> int:
        return self.ROW_HEIGHT * len(self.chart_rows)


COLLABORATIONS_SHOWN = 30  # the busiest collaborations; the others are added up in one row


def _rows(queryset, *group, order=("-total",)) -> list[dict]:
    return list(queryset.values(*group).annotate(total=Count("pk")).order_by(*order, *group))


FIGURES_AGGREGATE = "mobility-figures"


def mobility_figures() -> list[Figure]:
    """The same for every visitor: computed once per language and content version."""
    return versioned.cached(FIGURES_AGGREGATE, _mobility_figures)


def _mobility_figures() -> list[Figure]:
    """Counted by the database (GROUP BY), a few bounded queries whatever the number of
    mobilities; at most COLLABORATIONS_SHOWN collaborations are named."""
    language = translation.get_language() or "fr"
    mobilities = MobilityExchange.objects.public()
    mobilities = mobilities.annotate(
        start=Coalesce("actual_start", "planned_start"),
        end=Coalesce("actual_end", "planned_end"),
    ).order_by()
    categories = dict(MobilityExchange.Category.choices)
    directions = dict(MobilityExchange.Direction.choices)
    unknown_date = _("date not known")

    years = mobilities.annotate(year=ExtractYear("start"))
    per_year = [
        (str(row["year"]) if row["year"] else unknown_date, row["total"])
        for row in _rows(years, "year", order=())
    ]
    done = [MobilityExchange.Status.UNDER_WAY, MobilityExchange.Status.COMPLETED]
    months = _months_per_year(years.filter(status__in=done))
    planned_months = _months_per_year(years.exclude(status__in=done))
    statuses = dict(MobilityExchange.Status.choices)
    per_status = Counter(
        {str(statuses[row["status"]]): row["total"] for row in _rows(mobilities, "status")}
    )

    partner_country = mobilities.annotate(
        partner=Case(
            When(
                direction=MobilityExchange.Direction.OUTGOING, then=F("host_institution__country")
            ),
            default=F("home_institution__country"),
        )
    )
    per_country = Counter()
    for row in _rows(partner_country, "partner", order=()):
        label = countries.name(row["partner"]) if row["partner"] else _("not known")
        per_country[label] += row["total"]

    per_category = Counter()
    per_direction = Counter()
    for row in _rows(mobilities, "category", "direction", order=()):
        per_category[str(categories[row["category"]])] += row["total"]
        per_direction[str(directions[row["direction"]])] += row["total"]

    languages = content_languages()
    names_at = languages.index(language) if language in languages else 0
    names = localized("partnership__name")
    busiest = _rows(mobilities, "partnership", *names)
    per_collaboration = Counter()
    for row in busiest[:COLLABORATIONS_SHOWN]:
        values = [row[name] for name in names]
        per_collaboration[values[names_at] or next(filter(None, values), "")] += row["total"]
    others = sum(row["total"] for row in busiest[COLLABORATIONS_SHOWN:])

    def ordered(counter: Counter, by_label: bool = False) -> list[tuple[str, float]]:
        items = counter.items()
        # Labels as readers sort them (core.collation): "États-Unis" among the E's.
        if by_label:
            return sorted(items, key=lambda item: sort_key(str(item[0])))
        return sorted(items, key=lambda item: (-item[1], sort_key(str(item[0]))))

    collaborations = ordered(per_collaboration)
    if others:
        collaborations.append((_("Other collaborations"), others))
    return [
        Figure("year", _("Exchanges per year"), sorted(per_year)),
        Figure("country", _("Exchanges per partner country"), ordered(per_country)),
        Figure("category", _("Exchanges per category"), ordered(per_category)),
        Figure("collaboration", _("Exchanges per collaboration"), collaborations),
        Figure("direction", _("Outgoing and incoming"), ordered(per_direction)),
        Figure("status", _("Planned, under way or completed"), ordered(per_status)),
        Figure("months", _("Months spent abroad or in the region, per year"), months),
        Figure(
            "planned-months",
            _("Months planned, per year (exchanges not reported as under way or done)"),
            planned_months,
        ),
    ]


def _months_per_year(years) -> list[tuple[str, float]]:
    durations = (
        years.exclude(start=None)
        .exclude(end=None)
        .values("year")
        .annotate(days=Sum(F("end") - F("start"), output_field=DurationField()))
        .order_by("year")
    )
    return [(str(row["year"]), round(_days(row["days"]) / DAYS_PER_MONTH, 1)) for row in durations]


def _days(value) -> float:
    """A sum of date differences: a timedelta, or a number of days on some databases."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400
    return float(value or 0)
