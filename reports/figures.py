"""What each table of a report is: its title, columns, chart and definition (the footnote),
and how its stored rows (codes, numbers) read in the active language. Shared by the report
page, the frozen editions and their files."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.models import Event
from mobility.models import MobilityExchange
from partnerships.models import Agreement

from .models import Section

STAGES = {
    "planned": pgettext_lazy("mobility stage", "Planned (not yet reported under way or done)"),
    "done": pgettext_lazy("mobility stage", "Done (under way or completed)"),
}
MEASURES = {
    "signed": _("Signed in the period"),
    "in_force": _("In force on the day"),
    "maybe_in_force": _("Perhaps in force on the day (end not known)"),
    "expiring": _("Expiring in the period"),
    "renewed": _("Renewed in the period"),
}
LABELS = {
    "category": dict(MobilityExchange.Category.choices),
    "direction": dict(MobilityExchange.Direction.choices),
    "status": dict(MobilityExchange.Status.choices),
    "stage": STAGES,
    "agreement_kind": dict(Agreement.Kind.choices),
    "event_kind": dict(Event.Kind.choices),
    "measure": MEASURES,
}
NUMBERS = {"count", "months"}


@dataclass(frozen=True)
class Column:
    title: object
    kind: str  # a key of LABELS, or year, country, text, translated, count, months

    @property
    def is_number(self) -> bool:
        return self.kind in NUMBERS


@dataclass(frozen=True)
class Table:
    key: str
    section: str
    title: object
    columns: tuple[Column, ...]
    definition: object
    chart: tuple[int, int] | None = None  # (label column, value column): a bar chart
    stacked_by: int | None = None  # a column whose values are the chart's series
    hidden_columns: tuple[int, ...] = field(default=())  # stored, not shown (ids)

    @property
    def key_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if not c.is_number]


YEAR, COUNTRY = Column(_("Year"), "year"), Column(_("Partner country"), "country")
STAGE = Column(_("Planned or done"), "stage")
COUNT, MONTHS = Column(_("Mobilities"), "count"), Column(_("Person-months"), "months")
MOBILITY_NOTE = _(
    "Mobilities not cancelled whose start (the actual start, else the planned one) falls in the "
    "period, counted in the year of that start. Done: reported under way or completed; planned: "
    "planned or confirmed. Person-months: from start to end (actual dates, else planned), in "
    "months of 30.44 days, for mobilities with both dates. The partner country is the host's for "
    "an outgoing mobility, the home institution's for an incoming one."
)
AGREEMENT_NOTE = _(
    "Agreements the author of the report may see (confidential ones only with the permission). "
    "Signed: signing date in the period. In force: signed, started and its end not reached on "
    "the day, each date read at its precision (the rule of the agreement pages); perhaps in "
    "force: signed or announced, not known to have ended, its end not known. Expiring: in force "
    "at the start of the period and ending by its end. Renewed: its successor signed in the "
    "period."
)

TABLES = [
    Table(
        "mobility_stage",
        Section.MOBILITY,
        _("Mobilities planned and done"),
        (STAGE, COUNT, MONTHS),
        MOBILITY_NOTE,
        chart=(0, 1),
    ),
    Table(
        "mobility_year_stage",
        Section.MOBILITY,
        _("Mobilities per year, planned and done"),
        (YEAR, STAGE, COUNT, MONTHS),
        MOBILITY_NOTE,
        chart=(0, 2),
        stacked_by=1,
    ),
    Table(
        "mobility_country",
        Section.MOBILITY,
        _("Mobilities per partner country"),
        (COUNTRY, STAGE, COUNT, MONTHS),
        MOBILITY_NOTE,
        chart=(0, 2),
        stacked_by=1,
    ),
    Table(
        "mobility_category",
        Section.MOBILITY,
        _("Mobilities per category"),
        (Column(_("Category"), "category"), STAGE, COUNT, MONTHS),
        MOBILITY_NOTE,
        chart=(0, 2),
        stacked_by=1,
    ),
    Table(
        "mobility_direction",
        Section.MOBILITY,
        _("Outgoing and incoming mobilities"),
        (Column(_("Direction"), "direction"), STAGE, COUNT, MONTHS),
        MOBILITY_NOTE,
        chart=(0, 2),
        stacked_by=1,
    ),
    Table(
        "mobility_detail",
        Section.MOBILITY,
        _("Mobilities by year, country, category, direction and status"),
        (
            YEAR,
            COUNTRY,
            Column(_("Category"), "category"),
            Column(_("Direction"), "direction"),
            Column(_("Status"), "status"),
            COUNT,
            MONTHS,
        ),
        MOBILITY_NOTE,
    ),
    Table(
        "agreements_summary",
        Section.AGREEMENTS,
        _("Agreements"),
        (Column(_("Measure"), "measure"), Column(_("Agreements"), "count")),
        AGREEMENT_NOTE,
        chart=(0, 1),
    ),
    Table(
        "agreements_by_kind",
        Section.AGREEMENTS,
        _("Agreements per kind"),
        (
            Column(_("Kind"), "agreement_kind"),
            *(Column(label, "count") for label in MEASURES.values()),
        ),
        AGREEMENT_NOTE,
    ),
    Table(
        "events",
        Section.EVENTS,
        _("Events per kind and country"),
        (
            Column(_("Kind"), "event_kind"),
            Column(_("Country"), "country"),
            Column(_("Events"), "count"),
        ),
        _(
            "Events whose start date falls in the period (a date known to the month or year is "
            "read as its first day)."
        ),
        chart=(0, 2),
    ),
    Table(
        "partners",
        Section.PARTNERS,
        _("Partners per country"),
        (
            Column(_("Country"), "country"),
            Column(_("Institutions"), "count"),
            Column(_("Partnerships"), "count"),
        ),
        _(
            "Institutions taking part (not only funding or supporting, CLARA aside) in "
            "partnerships running during the period (started by its end, not ended before its "
            "start), and the number of those partnerships."
        ),
        chart=(0, 1),
    ),
    Table(
        "narratives",
        Section.NARRATIVES,
        _("Highlights of the year"),
        (
            Column(_("Partnership"), "translated"),
            Column(_("Year"), "year"),
            Column(_("Highlights"), "translated"),
            Column("id", "text"),
        ),
        _("Written by CLARA's staff for each partnership and year."),
        hidden_columns=(3,),
    ),
]
BY_KEY = {table.key: table for table in TABLES}
FILTER_NOTE = _(
    "Filters: a partnership, theme or funder keeps the records of the matching partnerships "
    "(a theme: partnerships with that theme; a funder: partnerships it funds as a member, and "
    "for mobilities also those it funds directly); a country keeps mobilities with a partner "
    "there, agreements with a party there, events held there and partners there."
)


def tables_of(section: str) -> list[Table]:
    return [table for table in TABLES if table.section == section]


def cell(column: Column, value):
    """A stored value as it reads in the active language (numbers stay numbers)."""
    if column.is_number or column.kind in ("year", "text"):
        return value
    if column.kind == "country":
        return countries.name(value) if value else str(_("not known"))
    if column.kind == "translated":
        value = value or {}
        return value.get(get_language()[:2]) or next(filter(None, value.values()), "")
    return str(LABELS[column.kind].get(value, value))


def visible(table: Table, row: list) -> list:
    return [
        cell(c, v)
        for i, (c, v) in enumerate(zip(table.columns, row, strict=False))
        if i not in table.hidden_columns
    ]


def headers(table: Table) -> list[str]:
    return [str(c.title) for i, c in enumerate(table.columns) if i not in table.hidden_columns]


@dataclass
class Bar:
    label: str
    values: list[float]  # one per series


def chart_bars(table: Table, rows: list, limit: int = 15) -> tuple[list[str], list[Bar]]:
    """(series names, bars): the rows added up per label (and per series when stacked), the
    largest `limit` labels in the table's order."""
    label_at, value_at = table.chart
    series: list[str] = []
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    order: list[str] = []
    for row in rows:
        label = str(cell(table.columns[label_at], row[label_at]))
        name = (
            ""
            if table.stacked_by is None
            else str(cell(table.columns[table.stacked_by], row[table.stacked_by]))
        )
        if name not in series:
            series.append(name)
        if label not in totals:
            order.append(label)
        totals[label][name] += row[value_at]
    if len(order) > limit:
        order = sorted(order, key=lambda lab: -sum(totals[lab].values()))[:limit]
    return series, [Bar(lab, [totals[lab].get(s, 0) for s in series]) for lab in order]


def diff(table: Table, before: list, after: list) -> list[dict]:
    """What changed in a table between two editions: rows by their key (the non-number
    columns), each number before and after."""
    keys = table.key_columns
    numbers = [i for i in range(len(table.columns)) if i not in keys]

    def index(rows):
        return {tuple(_hashable(row[i]) for i in keys): row for row in rows}

    old, new = index(before), index(after)
    changes = []
    for key in sorted(old.keys() | new.keys(), key=str):
        was, now = old.get(key), new.get(key)
        pairs = [
            (str(table.columns[i].title), was[i] if was else 0, now[i] if now else 0)
            for i in numbers
        ]
        if was is None or now is None or any(a != b for _t, a, b in pairs):
            sample = now or was
            label = [
                cell(table.columns[i], sample[i]) for i in keys if i not in table.hidden_columns
            ]
            changes.append({"label": " · ".join(map(str, label)), "values": pairs})
    return changes


def _hashable(value):
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


@dataclass
class Shown:
    """A table ready for a page: its texts in the active language, its first rows, its chart."""

    table: Table
    note: int  # the number of its footnote
    headers: list[str]
    rows: list[list]
    total_rows: int
    series: list[str]
    bars: list[Bar]
    chart_height: int

    @property
    def numbers(self) -> list[bool]:
        return [
            c.is_number
            for i, c in enumerate(self.table.columns)
            if i not in self.table.hidden_columns
        ]


BAR_ROW = 24  # px per bar of the SVG charts (labels at 13 px)


def present(figures: dict, *, row_limit: int | None = 200) -> tuple[list[dict], list[str]]:
    """(sections, footnotes): each section's tables with their footnote number; one footnote
    per distinct definition."""
    from django.utils.formats import number_format

    notes: list[str] = []
    sections = []
    for section in figures["sections"]:
        shown = []
        for table in tables_of(section):
            if table.key not in figures["tables"]:
                continue
            rows = figures["tables"][table.key]
            definition = str(table.definition)
            if definition not in notes:
                notes.append(definition)
            series, bars = chart_bars(table, rows) if table.chart else ([], [])
            kept = rows if row_limit is None else rows[:row_limit]
            shown.append(
                Shown(
                    table=table,
                    note=notes.index(definition) + 1,
                    headers=headers(table),
                    rows=[
                        [
                            (number_format(v, force_grouping=True), True)
                            if c.is_number
                            else (v, False)
                            for c, v in zip(_shown_columns(table), visible(table, row), strict=True)
                        ]
                        for row in kept
                    ],
                    total_rows=len(rows),
                    series=series,
                    bars=bars,
                    chart_height=BAR_ROW * len(bars) + (30 if len(series) > 1 else 8),
                )
            )
        sections.append({"key": section, "title": Section(section).label, "tables": shown})
    return sections, notes


def _shown_columns(table: Table) -> list[Column]:
    return [c for i, c in enumerate(table.columns) if i not in table.hidden_columns]


CHART_LABEL_WIDTH = 220
CHART_BAR_WIDTH = 300
COLOURS = ("#8a1538", "#d4849c", "#35607e", "#9bb8cc")  # CLARA's red first


def chart_legend(shown: Shown) -> list[dict]:
    if len(shown.series) < 2:
        return []
    return [
        {"x": CHART_LABEL_WIDTH + 190 * n, "fill": COLOURS[n % 4], "name": name}
        for n, name in enumerate(shown.series)
    ]


def chart_geometry(shown: Shown) -> list[dict]:
    """Each bar's row of an SVG chart: its label, its segments (one per series) and total."""
    from django.utils.formats import number_format

    largest = max((sum(bar.values) for bar in shown.bars), default=0)
    if not largest:
        return []  # nothing to draw: the table says so
    rows = []
    for index, bar in enumerate(shown.bars):
        x = CHART_LABEL_WIDTH
        segments = []
        for number, value in enumerate(bar.values):
            width = round(value / largest * CHART_BAR_WIDTH)
            segments.append({"x": x, "width": width, "fill": COLOURS[number % 4]})
            x += width
        label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
        rows.append(
            {
                "y": index * BAR_ROW,
                "label": label,
                "segments": segments,
                "value_x": x + 6,
                "total": number_format(_number(sum(bar.values)), force_grouping=True),
            }
        )
    return rows


def _number(value: float) -> float | int:
    """A count stays an integer; person-months keep one decimal."""
    return int(value) if float(value).is_integer() else round(value, 1)
