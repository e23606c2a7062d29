"""The CSV and XLSX files the product writes and reads: safe to open, bounded, in staff encodings.

A cell whose text a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP's rule
against CSV injection); the prefix is taken off again when such a file is imported. Exports in
French follow French typography (`core.typography`); an import reads its typographic spaces and
apostrophes back as the ordinary ones staff type, so a round trip changes nothing.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX
from import_export.tmp_storages import CacheStorage

from core.typography import plain, typography

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def export_cell(value):
    """A cell of an exported file: French typography when exported in French, no formula."""
    return safe_cell(typography(value))


def _unescape(value):
    if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def _imported(value):
    return plain(_unescape(value))


class SafeWriter:
    """A csv.writer whose rows cannot carry a formula; `typeset`: French typography on French
    exports."""

    def __init__(self, stream, *, typeset: bool = False, **kwargs):
        self._writer = csv.writer(stream, **kwargs)
        self._cell = export_cell if typeset else safe_cell

    def writerow(self, row):
        return self._writer.writerow([self._cell(value) for value in row])


class ImportRefused(ValueError):
    """A file refused before any row is read, with a message meant for the staff member."""


def _map_dataset(dataset, function):
    for index in range(len(dataset)):
        dataset[index] = tuple(function(value) for value in dataset[index])
    return dataset


def _refuse_nul(dataset) -> None:
    """A NUL character is not text: no database column stores it, so the file is refused."""
    headers = list(dataset.headers or [])
    for number, row in enumerate([headers, *dataset], 1):
        for column, value in enumerate(row):
            if isinstance(value, str) and "\x00" in value:
                raise ImportRefused(
                    _(
                        "Row %(row)s, column “%(column)s” holds a NUL character, which is not "
                        "text: the file may be damaged or saved in another format. Save it again "
                        "as CSV (UTF-8) or XLSX. Nothing was imported."
                    )
                    % {
                        "row": number,
                        "column": headers[column] if column < len(headers) else column + 1,
                    }
                )


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (French Excel's “CSV”)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The separator of the header row: a semicolon (French Excel), a tab or a comma."""
    line = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {delimiter: line.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _check_rows(count: int) -> None:
    limit = settings.IMPORT_MAX_ROWS
    if count > limit:
        raise ImportRefused(
            _("The file has %(rows)s rows; at most %(limit)s can be imported at once.")
            % {"rows": count, "limit": limit}
        )


class SafeCSV(CSV):
    """CSV in UTF-8 (with or without BOM) or Excel's Windows-1252, separated by commas,
    semicolons or tabs, formulas neutralised."""

    def is_binary(self):
        return True  # bytes reach create_dataset, which finds the encoding itself

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = decode(in_stream)
        kwargs.setdefault("delimiter", sniff_delimiter(in_stream))
        dataset = super().create_dataset(in_stream, **kwargs)
        _check_rows(len(dataset))
        _refuse_nul(dataset)
        return _map_dataset(dataset, _imported)

    def export_data(self, dataset, **kwargs):
        return super().export_data(_map_dataset(dataset, export_cell), **kwargs).encode("utf-8")

    def write_datasets(self, datasets: Iterable, out: BinaryIO) -> int:
        """The rows of `datasets` (chunks of one export, alike headers) into `out` as they
        come: memory holds one chunk, whatever the length of the export. Returns the rows."""
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text)
        rows = 0
        for number, dataset in enumerate(datasets):
            if number == 0 and dataset.headers:
                writer.writerow([export_cell(header) for header in dataset.headers])
            for index in range(len(dataset)):
                writer.writerow([export_cell(value) for value in dataset[index]])
            rows += len(dataset)
        text.detach()
        return rows


class SafeXLSX(XLSX):
    """XLSX whose text cells are stored as text, refused when it would unpack beyond the limit."""

    def create_dataset(self, in_stream, **kwargs):
        try:
            with zipfile.ZipFile(io.BytesIO(in_stream)) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except zipfile.BadZipFile as error:
            raise ImportRefused(_("This is not an XLSX file.")) from error
        if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES:
            raise ImportRefused(
                _("The spreadsheet unpacks to %(size)s MB; the limit is %(limit)s MB.")
                % {
                    "size": unpacked // 1_000_000,
                    "limit": settings.IMPORT_MAX_UNPACKED_BYTES // 1_000_000,
                }
            )
        dataset = super().create_dataset(in_stream, **kwargs)
        _check_rows(len(dataset))
        _refuse_nul(dataset)
        return _map_dataset(dataset, _imported)

    def export_data(self, dataset, **kwargs):
        stream = io.BytesIO()
        self.write_datasets([dataset], stream)
        return stream.getvalue()

    def write_datasets(self, datasets: Iterable, out: BinaryIO) -> int:
        """Written in openpyxl's streaming mode, a row at a time with no cell objects (several
        times faster on 100,000 rows), chunk after chunk (memory holds one chunk of the
        export); the header bold and frozen, columns sized to the first rows. Returns the
        rows."""
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = None
        rows = 0
        for dataset in datasets:
            if sheet is None:
                sheet = _start_sheet(workbook, dataset)
            for index in range(len(dataset)):
                sheet.append([export_cell(value) for value in dataset[index]])
            rows += len(dataset)
        if sheet is None:
            workbook.create_sheet(title="Tablib Dataset")
        workbook.save(out)
        return rows


def _start_sheet(workbook, dataset):
    """The sheet of an export, titled after the first chunk, with its bold frozen header and
    columns sized to that chunk's first rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from tablib.formats._xlsx import safe_xlsx_sheet_title

    title = safe_xlsx_sheet_title(dataset.title, "-") if dataset.title else "Tablib Dataset"
    sheet = workbook.create_sheet(title=title)
    headers = list(dataset.headers or [])
    sample = [headers] + [dataset[i] for i in range(min(len(dataset), 200))]
    for column in range(dataset.width):
        width = max(len(str(row[column] or "")) for row in sample if column < len(row))
        sheet.column_dimensions[get_column_letter(column + 1)].width = min(width + 2, 60)
    if headers:
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=export_cell(header))
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    return sheet


def import_template(columns: list[tuple[str, str]], *, as_csv: bool) -> bytes:
    """An empty file to fill in: the headers, and (XLSX) a second sheet of allowed values."""
    headers = [header for header, _accepted in columns]
    if as_csv:
        stream = io.StringIO()
        SafeWriter(stream, delimiter=";").writerow(headers)
        return stream.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Data"))[:31]
    sheet.append([safe_cell(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet(str(_("Allowed values"))[:31])
    notes.append([str(_("Column")), str(_("What it may hold"))])
    for header, accepted in columns:
        notes.append([safe_cell(header), safe_cell(accepted)])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


class PendingImport(CacheStorage):
    """An uploaded file waiting for confirmation: in the cache (shared through Redis), never on
    disk, removed once imported or refused, and gone after an hour if never confirmed."""

    CACHE_LIFETIME = 60 * 60
