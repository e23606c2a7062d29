"""Mobility figures for the public: aggregates only, never a name."""

from collections import Counter
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from core.languages import content_languages, localized

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


def mobility_figures() -> list[Figure]:
    """One query, whatever the number of mobilities; counted in Python."""
    language = translation.get_language() or "fr"
    rows = (
        MobilityExchange.objects.not_cancelled()
        .filter(partnership__is_public=True)
        .values_list(
            "category",
            "direction",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            *localized("partnership__name"),
            "host_institution__country",
            "home_institution__country",
        )
    )
    categories = dict(MobilityExchange.Category.choices)
    directions = dict(MobilityExchange.Direction.choices)
    per_year, per_country, per_category, per_collaboration, per_direction = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    months = Counter()
    languages = content_languages()
    names_at = languages.index(language) if language in languages else 0
    for category, direction, p_start, p_end, a_start, a_end, *names, host, home in rows:
        start, end = a_start or p_start, a_end or p_end
        year = str(start.year) if start else _("date not known")
        per_year[year] += 1
        partner = host if direction == MobilityExchange.Direction.OUTGOING else home
        per_country[countries.name(partner) if partner else _("not known")] += 1
        per_category[categories[category]] += 1
        per_collaboration[names[names_at] or next(filter(None, names), "")] += 1
        per_direction[directions[direction]] += 1
        if start and end:
            months[year] += round((end - start).days / DAYS_PER_MONTH, 1)

    def ordered(counter: Counter, by_label: bool = False) -> list[tuple[str, float]]:
        items = counter.items()
        return sorted(items) if by_label else sorted(items, key=lambda item: (-item[1], item[0]))

    return [
        Figure("year", _("Mobilities per year"), ordered(per_year, by_label=True)),
        Figure("country", _("Mobilities per partner country"), ordered(per_country)),
        Figure("category", _("Mobilities per category"), ordered(per_category)),
        Figure("collaboration", _("Mobilities per collaboration"), ordered(per_collaboration)),
        Figure("direction", _("Outgoing and incoming"), ordered(per_direction)),
        Figure(
            "months",
            _("Months spent abroad or in the region, per year"),
            [(label, round(value, 1)) for label, value in ordered(months, by_label=True)],
        ),
    ]
