"""Reading the CORDIS open-data exports (Horizon 2020 / Horizon Europe `project.csv` and
`organization.csv`): `;`-separated, quoted, UTF-8, as published on the EU Open Data Portal
(a zip of them, their folder, or the two files). Rows are read one at a time (csv.reader over
the file), so memory stays flat whatever the size; a bad cell raises CordisError naming the
file, the row (as a spreadsheet numbers it, the header being row 1) and the column."""

import csv
import datetime
import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import ParticipationRole, ProjectStatus

csv.field_size_limit(10_000_000)  # an objective runs to thousands of characters

PROJECT_FILE = "project.csv"
ORGANISATION_FILE = "organization.csv"
PROJECT_COLUMNS = ["id", "acronym", "startDate", "endDate", "frameworkProgramme"]
ORGANISATION_COLUMNS = ["projectID", "organisationID", "name", "role", "country"]
ROLES = {role.lower(): role for role in ParticipationRole.values}
STATUSES = {status.upper(): status for status in ProjectStatus.values if status}


class CordisError(Exception):
    """The file cannot be imported: the message names the file, row and column at fault."""


@dataclass
class ProjectRow:
    row: int
    values: dict
    hash: str


@dataclass
class ParticipationRow:
    row: int
    project_id: str
    rcn: int | None  # the project record's: a participation of an older record is skipped
    values: dict
    hash: str


def _hash(values: dict) -> str:
    text = "\x1f".join(f"{key}={values[key]}" for key in sorted(values))
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


class Cell:
    """Reads the cells of one row, raising CordisError that names it."""

    def __init__(self, file: str, row: int, record: dict):
        self.file, self.row, self.record = file, row, record

    def error(self, column: str, message: str) -> CordisError:
        return CordisError(
            _("%(file)s, row %(row)s, column “%(column)s”: %(message)s")
            % {"file": self.file, "row": self.row, "column": column, "message": message}
        )

    def text(self, column: str, *, required: bool = False, max_length: int = 0) -> str:
        value = (self.record.get(column) or "").strip()
        if required and not value:
            raise self.error(column, _("empty, a value is required."))
        if max_length and len(value) > max_length:
            if required:
                raise self.error(column, _("longer than %(max)s characters.") % {"max": max_length})
            value = value[:max_length]
        return value

    def date(self, column: str) -> datetime.date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            raise self.error(
                column, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value}
            ) from None

    def amount(self, column: str) -> Decimal | None:
        value = self.text(column).replace(" ", "").replace("\u00a0", "")
        if not value:
            return None
        if "," in value:  # a decimal comma (230000,00), dots then group thousands
            value = value.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(value).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise self.error(
                column, _("“%(value)s” is not an amount.") % {"value": self.text(column)}
            ) from None
        if amount < 0 or amount >= Decimal("1e12"):
            raise self.error(
                column, _("“%(value)s” is out of range.") % {"value": self.text(column)}
            )
        return amount

    def number(self, column: str) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if not value.isdigit() or len(value) > 9:
            raise self.error(column, _("“%(value)s” is not a whole number.") % {"value": value})
        return int(value)


def project_row(file: str, row: int, record: dict) -> ProjectRow:
    cell = Cell(file, row, record)
    status = cell.text("status").upper()
    if status and status not in STATUSES:
        raise cell.error("status", _("unknown status “%(value)s”.") % {"value": status})
    values = {
        "cordis_id": cell.text("id", required=True, max_length=20),
        "acronym": cell.text("acronym", required=True, max_length=100),
        "title": cell.text("title", max_length=500),
        "status": STATUSES.get(status, ""),
        "framework_programme": cell.text("frameworkProgramme", required=True, max_length=20),
        "call": cell.text("masterCall", max_length=120),
        "topic": cell.text("topics", max_length=255),
        "funding_scheme": cell.text("fundingScheme", max_length=60),
        "start_date": cell.date("startDate"),
        "end_date": cell.date("endDate"),
        "total_cost": cell.amount("totalCost"),
        "eu_contribution": cell.amount("ecMaxContribution"),
        "rcn": cell.number("rcn"),
    }
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        raise cell.error("endDate", _("the end comes before the start."))
    return ProjectRow(row, values, _hash(values))


def participation_row(file: str, row: int, record: dict) -> ParticipationRow:
    cell = Cell(file, row, record)
    role = cell.text("role", required=True)
    if role.lower() not in ROLES:
        raise cell.error("role", _("unknown role “%(value)s”.") % {"value": role})
    country = cell.text("country").upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise cell.error(
            "country", _("“%(value)s” is not a two-letter country code.") % {"value": country}
        )
    values = {
        "organisation_id": cell.text("organisationID", required=True, max_length=40),
        "role": ROLES[role.lower()],
        "order": cell.number("order"),
        "name": cell.text("name", required=True, max_length=500),
        "short_name": cell.text("shortName", max_length=120),
        "country": country,
        "activity_type": cell.text("activityType", max_length=10),
        "ec_contribution": cell.amount("ecContribution"),
    }
    project_id = cell.text("projectID", required=True, max_length=20)
    return ParticipationRow(row, project_id, cell.number("rcn"), values, _hash(values))


class CordisFiles:
    """The two files of an export: `paths` is a zip, a folder, or the two CSV files."""

    def __init__(self, *paths: str | os.PathLike):
        paths = [os.fspath(p) for p in paths]
        for path in paths:
            if not os.path.exists(path):
                raise CordisError(_("%(path)s: no such file or folder.") % {"path": path})
        self.zip = paths[0] if len(paths) == 1 and zipfile.is_zipfile(paths[0]) else None
        if self.zip:
            names = zipfile.ZipFile(self.zip).namelist()
            self.files = {
                base: self._member(names, base) for base in (PROJECT_FILE, ORGANISATION_FILE)
            }
        elif len(paths) == 1 and os.path.isdir(paths[0]):
            self.files = {
                base: os.path.join(paths[0], base) for base in (PROJECT_FILE, ORGANISATION_FILE)
            }
        elif len(paths) == 2:
            self.files = {PROJECT_FILE: paths[0], ORGANISATION_FILE: paths[1]}
        else:
            raise CordisError(_("Give a zip or folder of the CORDIS export, or its two CSV files."))
        if not self.zip:
            for path in self.files.values():
                if not os.path.isfile(path):
                    raise CordisError(_("%(path)s: no such file.") % {"path": path})

    def _member(self, names: list[str], base: str) -> str:
        for name in names:
            if os.path.basename(name).lower() == base:
                return name
        raise CordisError(
            _("%(zip)s: no %(file)s in this zip (found: %(names)s).")
            % {"zip": self.zip, "file": base, "names": ", ".join(names)}
        )

    @contextmanager
    def _open(self, base: str):
        if self.zip:
            with zipfile.ZipFile(self.zip) as archive, archive.open(self.files[base]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        else:
            with open(self.files[base], encoding="utf-8-sig", newline="") as handle:
                yield handle

    def _records(self, base: str, required: list[str]) -> Iterator[tuple[int, dict]]:
        name = os.path.basename(self.files[base])
        with self._open(base) as handle:
            reader = csv.reader(handle, delimiter=";", quotechar='"')
            row = 1
            try:
                header = [column.strip() for column in next(reader, [])]
                missing = [column for column in required if column not in header]
                if missing:
                    raise CordisError(
                        _(
                            "%(file)s, row 1: not a CORDIS %(kind)s file, missing the "
                            "column(s) %(columns)s."
                        )
                        % {"file": name, "kind": base, "columns": ", ".join(missing)}
                    )
                for row, record in enumerate(reader, start=2):
                    if not any(record):
                        continue
                    if len(record) != len(header):
                        raise CordisError(
                            _(
                                "%(file)s, row %(row)s: %(cells)s cells where the header has "
                                "%(columns)s (a “;” or quote out of place?)."
                            )
                            % {
                                "file": name,
                                "row": row,
                                "cells": len(record),
                                "columns": len(header),
                            }
                        )
                    yield row, dict(zip(header, record, strict=True))
            except (csv.Error, UnicodeDecodeError) as error:
                raise CordisError(
                    _("%(file)s, after row %(row)s: cannot be read (%(error)s).")
                    % {"file": name, "row": row, "error": error}
                ) from None

    def projects(self) -> Iterator[ProjectRow]:
        name = os.path.basename(self.files[PROJECT_FILE])
        for row, record in self._records(PROJECT_FILE, PROJECT_COLUMNS):
            yield project_row(name, row, record)

    def participations(self) -> Iterator[ParticipationRow]:
        name = os.path.basename(self.files[ORGANISATION_FILE])
        for row, record in self._records(ORGANISATION_FILE, ORGANISATION_COLUMNS):
            yield participation_row(name, row, record)
