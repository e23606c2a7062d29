"""Dates known to the year, month or day, typed and shown as such in forms ("2013",
"March 2018", "8 March 2018"), saved as a date and its precision."""

import datetime
import re
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from unfold.widgets import INPUT_CLASSES

from .models import DatePrecision, format_partial_date
from .text import fold


class PartialDate(NamedTuple):
    date: datetime.date
    precision: str


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "janv"),
            ("february", "feb", "fevrier", "fevr", "fev"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet", "juil"),
            ("august", "aug", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "decembre"),
        ],
        start=1,
    )
    for name in names
}


def _day(year: int, month: int, day: int) -> PartialDate:
    return PartialDate(datetime.date(year, month, day), DatePrecision.DAY)


def parse_partial_date(text: str) -> PartialDate:
    """ "2013", "2018-03", "03/2018", "March 2018", "mars 2018", "2018-03-08", "08/03/2018",
    "8 March 2018", "1er mars 2018" → the date (first day of what is unknown) and its precision.
    Raises ValueError."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})", text):
        return PartialDate(datetime.date(int(match[1]), 1, 1), DatePrecision.YEAR)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return PartialDate(datetime.date(int(match[1]), int(match[2]), 1), DatePrecision.MONTH)
    if match := re.fullmatch(r"(\d{1,2})[/.](\d{4})", text):
        return PartialDate(datetime.date(int(match[2]), int(match[1]), 1), DatePrecision.MONTH)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return _day(int(match[1]), int(match[2]), int(match[3]))
    for input_format in formats.get_format("DATE_INPUT_FORMATS"):
        try:
            return PartialDate(
                datetime.datetime.strptime(text, input_format).date(), DatePrecision.DAY
            )
        except ValueError:
            continue
    words = re.findall(r"\w+", fold(text))
    months = [(i, _MONTHS[w]) for i, w in enumerate(words) if w in _MONTHS]
    numbers = [w.removesuffix("er") for w in words if w not in _MONTHS]
    if len(months) == 1 and all(n.isdigit() for n in numbers):
        month = months[0][1]
        if len(numbers) == 1 and len(numbers[0]) == 4:
            return PartialDate(datetime.date(int(numbers[0]), month, 1), DatePrecision.MONTH)
        if len(numbers) == 2:
            day, year = numbers if len(numbers[1]) == 4 else numbers[::-1]
            return _day(int(year), month, int(day))
    raise ValueError(text)


# Every date of the back-office is typed in the same kind of box (no calendar pop-up beside
# some of them): a text input of this class, with its expected form as placeholder.
# With the admin theme's own input classes (django-unfold), so it looks like the other boxes.
DATE_INPUT_CLASS = " ".join(["vTextField", "clara-date", *INPUT_CLASSES])
PLAIN_DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class PlainDateInput(forms.DateInput):
    """A date known to the day, typed as dd/mm/yyyy (ISO also accepted)."""

    def __init__(self, attrs=None):
        attrs = {"class": DATE_INPUT_CLASS, "placeholder": _("dd/mm/yyyy"), **(attrs or {})}
        super().__init__(attrs=attrs, format=PLAIN_DATE_FORMATS[0])


class PartialDateInput(forms.TextInput):
    """Shows the date as precisely as it is known, in the staff member's language."""

    def __init__(self, attrs=None):
        attrs = {
            "class": DATE_INPUT_CLASS,
            "placeholder": _("8 March 2018, March 2018 or 2018"),
            **(attrs or {}),
        }
        super().__init__(attrs=attrs)

    def format_value(self, value):
        if isinstance(value, PartialDate):
            return format_partial_date(value.date, value.precision)
        if isinstance(value, datetime.date):
            return format_partial_date(value, DatePrecision.DAY)
        return super().format_value(value)


class PartialDateField(forms.Field):
    """One text box for a date and its precision; cleans to a PartialDate (or None)."""

    widget = PartialDateInput
    default_error_messages = {
        "invalid": _(
            "Enter a year (2013), a month (March 2018 or 2018-03) or a day "
            "(8 March 2018 or 2018-03-08)."
        ),
    }

    def __init__(self, *, precision_field: str, **kwargs):
        self.precision_field = precision_field
        kwargs.setdefault(
            "help_text", _("A year (2013), a month (March 2018) or a day (8 March 2018).")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, PartialDate) or value in self.empty_values:
            return value or None
        try:
            return parse_partial_date(str(value))
        except ValueError as bad:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from bad


class PartialDateFormMixin:
    """A ModelForm whose PartialDateFields fill a date field and its precision field.

    Two dates may share one precision (an event's start and end): they must then be given to
    the same precision."""

    def _partial_date_fields(self):
        return [(n, f) for n, f in self.fields.items() if isinstance(f, PartialDateField)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self._partial_date_fields():
            value = getattr(self.instance, name, None)
            if isinstance(value, datetime.date) and name not in kwargs.get("initial", {}):
                self.initial[name] = PartialDate(
                    value, getattr(self.instance, field.precision_field)
                )

    def clean(self):
        cleaned = super().clean()
        by_precision: dict[str, list[tuple[str, PartialDate | None]]] = {}
        for name, field in self._partial_date_fields():
            if name in cleaned:
                by_precision.setdefault(field.precision_field, []).append((name, cleaned[name]))
        for precision_field, values in by_precision.items():
            given = [(name, value) for name, value in values if value]
            if len({value.precision for _, value in given}) > 1:
                self.add_error(
                    given[-1][0],
                    ValidationError(
                        _("Give this date to the same precision as %(other)s (%(precision)s).")
                        % {
                            "other": self.fields[given[0][0]].label,
                            "precision": DatePrecision(given[0][1].precision).label.lower(),
                        },
                        code="precision_mismatch",
                    ),
                )
            elif given:
                setattr(self.instance, precision_field, given[0][1].precision)
            for name, value in values:
                if name in cleaned:
                    cleaned[name] = value.date if value else None
        return cleaned


class PartialDateAdminMixin:
    """For a ModelAdmin or an inline: `partial_dates = {"start_date": "start_precision"}` turns
    each date and its precision into one PartialDateField (the precision leaves the form)."""

    partial_dates: dict[str, str] = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.partial_dates:
            return PartialDateField(
                precision_field=self.partial_dates[db_field.name],
                required=not db_field.blank,
                label=db_field.verbose_name.capitalize(),
            )
        if type(db_field) is models.DateField:
            kwargs.setdefault("widget", PlainDateInput)
            kwargs.setdefault("input_formats", PLAIN_DATE_FORMATS)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        precisions = set(self.partial_dates.values())
        if not precisions:
            return fieldsets

        def strip(fields):
            kept = []
            for field in fields:
                if isinstance(field, (list, tuple)):
                    field = type(field)(f for f in field if f not in precisions)
                    if len(field) == 1:
                        field = field[0]
                    elif not field:
                        continue
                elif field in precisions:
                    continue
                kept.append(field)
            return kept

        return [
            (name, {**options, "fields": strip(options["fields"])}) for name, options in fieldsets
        ]
