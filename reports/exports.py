"""The report's tables as CSV and XLSX (French typography in French, no formula), and an
edition as a workbook: one sheet per section, a native bar chart beside the tables Excel users
chart."""

import csv
import io

from django.utils.translation import gettext as _

from adminkit.spreadsheets import SafeWriter, export_cell

from .figures import BY_KEY, FILTER_NOTE, Table, chart_bars, headers, tables_of, visible
from .models import Section


def table_csv(table: Table, rows: list) -> bytes:
    stream = io.StringIO()
    writer = SafeWriter(stream, typeset=True, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers(table))
    for row in rows:
        writer.writerow(visible(table, row))
    return stream.getvalue().encode("utf-8-sig")  # the BOM: Excel reads UTF-8 then


def table_xlsx(table: Table, rows: list) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(str(table.title))
    _write_table(sheet, table, rows, first_row=1)
    return _saved(workbook)


def edition_xlsx(*, title: str, lines: list[str], figures: dict) -> bytes:
    """A cover sheet (title, period, filters, definitions), then one sheet per section."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    cover = workbook.active
    cover.title = _sheet_title(_("Report"))
    cover.append([export_cell(title)])
    cover["A1"].font = Font(bold=True, size=14)
    for line in lines:
        cover.append([export_cell(line)])
    cover.append([])
    cover.append([export_cell(_("Definitions"))])
    for key in figures["tables"]:
        table = BY_KEY[key]
        cover.append([export_cell(str(table.title)), export_cell(str(table.definition))])
    cover.append([export_cell(str(FILTER_NOTE))])
    cover.column_dimensions["A"].width = 50
    for section in figures["sections"]:
        sheet = workbook.create_sheet(_sheet_title(str(Section(section).label)))
        row = 1
        for table in tables_of(section):
            if table.key in figures["tables"]:
                row = _write_table(sheet, table, figures["tables"][table.key], first_row=row) + 2
    return _saved(workbook)


def _write_table(sheet, table: Table, rows: list, *, first_row: int) -> int:
    """The table's title, headers and rows from `first_row`, its chart to the right; returns
    the last row written."""
    from openpyxl.styles import Font

    sheet.cell(first_row, 1, export_cell(str(table.title))).font = Font(bold=True, size=12)
    for column, header in enumerate(headers(table), 1):
        sheet.cell(first_row + 1, column, export_cell(header)).font = Font(bold=True)
        width = sheet.column_dimensions[_letter(column)].width or 10
        sheet.column_dimensions[_letter(column)].width = max(width, min(len(header) + 4, 40))
    last = first_row + 1
    for row in rows:
        last += 1
        for column, value in enumerate(visible(table, row), 1):
            sheet.cell(last, column, export_cell(value))
    if table.chart and rows:
        columns = len(table.columns) - len(table.hidden_columns)
        if table.stacked_by is None:
            label_at, value_at = table.chart
            _add_chart(
                sheet,
                table,
                (label_at + 1, value_at + 1, value_at + 1),
                first_row + 1,
                last,
                anchor=columns + 2,
            )
        else:
            _add_pivot_chart(sheet, table, rows, first_row + 1, at=columns + 2)
    return last


def _add_pivot_chart(sheet, table: Table, rows: list, header_row: int, *, at: int) -> None:
    """A stacked table (a label and a series per row) is pivoted beside itself (labels down,
    series across), and charted from there."""
    series, bars = chart_bars(table, rows, limit=60)
    label_at = table.chart[0]
    sheet.cell(header_row, at, export_cell(str(table.columns[label_at].title)))
    for offset, name in enumerate(series, 1):
        sheet.cell(header_row, at + offset, export_cell(name))
    for number, bar in enumerate(bars, 1):
        sheet.cell(header_row + number, at, export_cell(bar.label))
        for offset, value in enumerate(bar.values, 1):
            sheet.cell(header_row + number, at + offset, value)
    _add_chart(
        sheet,
        table,
        (at, at + 1, at + len(series)),
        header_row,
        header_row + len(bars),
        anchor=at + len(series) + 2,
        legend=True,
    )


def _add_chart(sheet, table, columns, header_row, last_row, *, anchor, legend=False) -> None:
    """A native bar chart: `columns` = (labels, first and last value column), 1-based."""
    from openpyxl.chart import BarChart, Reference

    label_col, first, last = columns
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked" if legend else "clustered"
    if legend:
        chart.overlap = 100
    else:
        chart.legend = None
    chart.title = str(table.title)
    chart.height = max(6, 0.6 * (last_row - header_row) + 3)
    chart.width = 16
    data = Reference(sheet, min_col=first, max_col=last, min_row=header_row, max_row=last_row)
    labels = Reference(sheet, min_col=label_col, min_row=header_row + 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.y_axis.majorGridlines = None
    sheet.add_chart(chart, f"{_letter(anchor)}{header_row}")


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _sheet_title(title: str) -> str:
    for forbidden in "[]:*?/\\":
        title = title.replace(forbidden, " ")
    return title[:31]


def _saved(workbook) -> bytes:
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
__all__ = ["XLSX_TYPE", "edition_xlsx", "table_csv", "table_xlsx"]
