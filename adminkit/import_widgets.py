"""How a spreadsheet cell becomes a value: dates as French and ISO, choices by code or label,
related records by slug, identifier or name. Each refusal is a ValueError whose message says
what is wrong with the value; the resource adds the row, the column and the value itself."""

import datetime
import re

from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from import_export import fields
from import_export.widgets import ForeignKeyWidget, Widget

from core.languages import content_languages
from core.text import fold, folded

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
DAY_FIRST = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def loose(text: str) -> str:
    """A header or a label as people may type it: no case, accents, inclusive endings
    ("Doctorant·e" -> "doctorant") or curly apostrophes, single spaces."""
    text = re.sub(r"·\w+", "", fold(text).replace("’", "'"))
    return " ".join(text.split())


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _written(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


class DayWidget(Widget):
    """A date written 2023-03-13 (ISO) or 13/03/2023 (French); exported in ISO.

    A date whose day and month could be swapped (01/03/2023: 1 March or 3 January) is refused
    with both readings: it is never guessed."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        if not text:
            return None
        if match := ISO_DATE.match(text):
            if found := _date(*map(int, match.groups())):
                return found
        elif match := DAY_FIRST.match(text):
            first, second, year = map(int, match.groups())
            day_first, month_first = _date(year, second, first), _date(year, first, second)
            if day_first and month_first and day_first != month_first:
                raise ValueError(
                    _(
                        "this date can be read as %(first)s or as %(second)s: write it "
                        "year-month-day (%(iso)s for the first reading)."
                    )
                    % {
                        "first": _written(day_first),
                        "second": _written(month_first),
                        "iso": day_first.isoformat(),
                    }
                )
            if day_first:
                return day_first
        raise ValueError(
            _("not a date: write it as day/month/year (13/03/2023) or year-month-day (2023-03-13).")
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if isinstance(value, datetime.date) else ""


def choice_labels(choices) -> dict[str, str]:
    """Every way a choice may be written, loosely, to its code: the code and its label in each
    content language (labels are read under each language: some translate as they are listed)."""
    names = {loose(str(code)): code for code, _label in list(choices)}
    for language in content_languages():
        with translation.override(language):
            for code, label in list(choices):
                for written in (str(label), str(label).replace("·", "")):  # doctorant, -e
                    names.setdefault(loose(written), code)
    return names


class ChoiceWidget(Widget):
    """A choice by its code (`phd`) or its label in either language (« Doctorant·e »)."""

    LISTED = 30  # beyond, the allowed values are summed up, not listed (countries)

    def __init__(self, choices, coerce_to_string=True, allow_blank=True):
        super().__init__(coerce_to_string)
        self._choices = choices
        self.allow_blank = allow_blank
        self._names = None

    @property
    def choices(self) -> list:
        return list(self._choices)

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return ""
        if self._names is None:
            self._names = choice_labels(self._choices)
        try:
            return self._names[loose(text)]
        except KeyError:
            raise ValueError(
                _("not one of the allowed values: %(allowed)s.") % {"allowed": self.allowed()}
            ) from None

    def allowed(self) -> str:
        choices = self.choices
        if len(choices) > self.LISTED:
            return _("a code or a name, such as %(examples)s") % {
                "examples": ", ".join(f"{code} ({label})" for code, label in choices[:3])
            }
        return ", ".join(f"{code} ({label})" for code, label in choices)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class RelatedWidget(ForeignKeyWidget):
    """A related record by its `field` (a slug), or by one of its `names` (exact, ignoring case
    and accents). The records a file names are fetched once for the whole file."""

    def __init__(self, model, field="slug", *, names=(), **kwargs):
        super().__init__(model, field, **kwargs)
        self.names = tuple(names)
        self.user = None

    def candidates(self, values: set[str]):
        """The records one of `values` may name, in one query."""
        condition = Q(**{f"{self.field}__in": values})
        keys = {fold(value) for value in values}
        queryset = self.get_queryset(None, None)
        for name in self.names:
            queryset = queryset.alias(**{f"_{name}": folded(name)})
            condition |= Q(**{f"_{name}__in": keys})
        return queryset.filter(condition)

    def keys(self, obj) -> set[str]:
        """The folded ways a cell may name `obj`."""
        keys = {fold(str(getattr(obj, self.field)))}
        keys |= {fold(getattr(obj, name) or "") for name in self.names}
        return keys - {""}

    def prefetch(self, values: set[str]) -> None:
        self._found = {}
        for obj in self.candidates(values):
            self.remember(obj)

    def remember(self, instance) -> None:
        """A record found, or one an earlier row of the same file creates (unsaved in a
        preview)."""
        found = getattr(self, "_found", None)
        if found is None or not isinstance(instance, self.model):
            return
        for key in self.keys(instance):
            matches = found.setdefault(key, [])
            if not any(m is instance or (m.pk and m.pk == instance.pk) for m in matches):
                matches.append(instance)

    def is_key(self, obj, text: str) -> bool:
        """Whether `text` is `obj`'s key (which wins over another record's name)."""
        return str(getattr(obj, self.field)) == text

    def matches(self, text: str) -> list:
        if not hasattr(self, "_found"):
            self.prefetch({text})
        found = self._found.get(fold(text), [])
        return [obj for obj in found if self.is_key(obj, text)] or found

    def missing(self, text: str, row=None, **kwargs):
        raise ValueError(
            _("no %(model)s is known by this key or name.")
            % {"model": self.model._meta.verbose_name}
        )

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        found = self.matches(text)
        if not found:
            return self.missing(text, row, **kwargs)
        if len(found) > 1:
            raise ValueError(
                _("several records have this name: %(candidates)s. Write the key of the right one.")
                % {"candidates": "; ".join(self.describe(obj) for obj in found[:10])}
            )
        return found[0]

    def describe(self, obj) -> str:
        return f"{obj} ({getattr(obj, self.field)})"


class LabelWidget(Widget):
    """Exports the readable name of a related record or of a choice; ignored on import."""

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def label_field(name: str, *, choice: bool = False) -> fields.Field:
    """A read-only column `<name>_label` with the readable name of the record or choice in
    `name`, next to its key, for people reading an export."""
    return fields.Field(
        attribute=f"get_{name}_display" if choice else name,
        column_name=f"{name}_label",
        widget=LabelWidget(),
        readonly=True,
    )
