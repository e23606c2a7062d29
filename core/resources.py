"""The base of every import/export resource: who acts, bounded work per row, one rule per check.

A preview (dry run) validates every row as the real import would, without writing: related
records and existing keys are fetched once per file, check constraints are evaluated in Python
when their condition is simple, so a row costs no query. The confirmed import then writes row by
row in one transaction, with history.
"""

import copy
import functools
import re
from collections import Counter

import django_countries
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DatabaseError
from django.db.models import (
    CheckConstraint,
    DateField,
    DateTimeField,
    F,
    Q,
    QuerySet,
    UniqueConstraint,
)
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries.fields import CountryField
from import_export import resources
from import_export.instance_loaders import CachedInstanceLoader
from import_export.widgets import Widget
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from .import_widgets import ChoiceWidget, DayWidget, RelatedWidget, loose
from .languages import content_languages
from .spreadsheets import ImportRefused

PREVIEW_ROWS = 100
PROGRESS_EVERY = 200
_UNSUPPORTED = object()
_COMPARE = {
    "exact": lambda a, b: a == b,
    "gte": lambda a, b: a >= b,
    "lte": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "lt": lambda a, b: a < b,
    "in": lambda a, b: a in b,
    "regex": lambda a, b: re.search(b, str(a)) is not None,
}


def _value(instance, name: str):
    if name == "pk":
        return instance.pk
    field = instance._meta.get_field(name)
    return getattr(instance, field.attname)


def _compare(operator: str, value, expected):
    """SQL's three-valued logic: a comparison with NULL is unknown (None)."""
    if operator == "isnull":
        return (value is None) is bool(expected)
    if value is None or expected is None:
        return None
    return _COMPARE[operator](value, expected)


def evaluate(condition, instance):
    """`condition` (a Q of plain lookups) for `instance` in Python, as SQL would: True, False or
    None (unknown, which a CHECK constraint accepts); _UNSUPPORTED where it cannot tell."""
    if not isinstance(condition, Q):
        return _UNSUPPORTED
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            result = evaluate(child, instance)
        else:
            lookup, expected = child
            name, _sep, operator = lookup.partition("__")
            operator = operator or "exact"
            if operator not in _COMPARE and operator != "isnull":
                return _UNSUPPORTED
            if isinstance(expected, F):
                expected = _value(instance, expected.name)
            elif hasattr(expected, "resolve_expression"):
                return _UNSUPPORTED
            result = _compare(operator, _value(instance, name), expected)
        if result is _UNSUPPORTED:
            return _UNSUPPORTED
        results.append(result)
    if condition.connector == Q.AND:
        outcome = False if False in results else (None if None in results else True)
    else:
        outcome = True if True in results else (None if None in results else False)
    if condition.negated and outcome is not None:
        outcome = not outcome
    return outcome


def _fields_of(condition) -> list[str]:
    """The model fields a Q condition reads, in order."""
    names = []
    for child in getattr(condition, "children", []):
        if isinstance(child, Q):
            names += _fields_of(child)
        else:
            lookup, expected = child
            names.append(lookup.split("__")[0])
            if isinstance(expected, F):
                names.append(expected.name)
    return names


def _plain(error: Exception) -> str:
    """An unexpected error in words: the database's own text names constraints and columns."""
    if isinstance(error, DatabaseError):
        return _("the database refused this row; check its values against the template.")
    return str(error)


class PrefetchedForeignKeyWidget(RelatedWidget):
    """A related record by its key alone, fetched once for the whole file rather than per row."""


class ClaraResource(resources.ModelResource):
    """Knows the staff member importing or exporting; refuses a file naming a record twice."""

    class Meta:
        instance_loader_class = CachedInstanceLoader

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self._meta = copy.copy(self._meta)  # per import: the preview's diff setting changes
        self.user = user
        for field in self.fields.values():
            if hasattr(field.widget, "user"):
                field.widget.user = user

    progress = None  # called with the number of rows done, every PROGRESS_EVERY rows

    @classmethod
    def widget_from_django_field(cls, f, default=Widget):
        if getattr(f, "choices", None):
            return functools.partial(ChoiceWidget, f.choices)
        if isinstance(f, DateField) and not isinstance(f, DateTimeField):
            return DayWidget
        return super().widget_from_django_field(f, default)

    def column_label(self, field) -> str:
        """A column's name for people: its model field's name in the active language."""
        try:
            model_field = self._meta.model._meta.get_field(field.attribute or "")
        except FieldDoesNotExist:
            return field.column_name
        return capfirst(str(model_field.verbose_name))

    def template_columns(self) -> list[tuple[str, str]]:
        """The import template's columns in the active language: each header, with what its
        cells may hold."""
        columns = []
        for field in self.get_import_fields():
            if field.readonly:
                continue
            widget = field.widget
            if isinstance(widget, ChoiceWidget):
                accepted = widget.allowed()
            elif isinstance(widget, DayWidget):
                accepted = _("a date: 13/03/2023 or 2023-03-13")
            elif isinstance(widget, RelatedWidget) and widget.names:
                accepted = _("%(model)s, by key (slug), name or acronym") % {
                    "model": widget.model._meta.verbose_name
                }
            elif isinstance(widget, RelatedWidget):
                accepted = _("%(model)s, by key") % {"model": widget.model._meta.verbose_name}
            else:
                accepted = ""
            columns.append((self.column_label(field), accepted))
        return columns

    def _accepted_headers(self) -> dict[str, str]:
        """Every header a column may have, folded, to its column: its key (`host_institution`)
        or its name in any content language (« Établissement d'accueil »)."""
        accepted = {}
        for field in self.get_import_fields():
            if field.readonly:
                continue
            for language in content_languages():
                with translation.override(language):
                    accepted.setdefault(loose(self.column_label(field)), field.column_name)
        for field in self.get_import_fields():
            accepted[loose(field.column_name)] = field.column_name
        return accepted

    def _rename_headers(self, dataset) -> None:
        """The file's headers, as written, become the columns' keys; the names as written are
        kept for the error messages."""
        accepted = self._accepted_headers()
        written = list(dataset.headers or [])
        keys = [accepted.get(loose(str(header or "")), header) for header in written]
        if written:
            dataset.headers = keys
        self._written_headers = dict(zip(keys, written, strict=True))

    export_chunk_size = 2_000

    def export_relations(self) -> tuple[list[str], list[str]]:
        """The foreign keys (to join) and many-to-many relations (to prefetch) that the export's
        fields read: an export costs a few queries per 2,000 rows, not one per row."""
        joined, prefetched = [], []
        model = self._meta.model
        for field in self.get_export_fields():
            if not field.attribute:
                continue
            try:
                model_field = model._meta.get_field(field.attribute.split("__")[0])
            except FieldDoesNotExist:  # a computed attribute: nothing to load
                continue
            if model_field.many_to_one or model_field.one_to_one:
                joined.append(model_field.name)
            elif model_field.many_to_many:
                prefetched.append(model_field.name)
        return joined, prefetched

    def get_queryset(self):
        """The records a file may update, with the related records its columns name: comparing
        a row with the stored record costs no query."""
        joined, _prefetched = self.export_relations()
        return super().get_queryset().select_related(*joined)

    def export(self, queryset=None, **kwargs):
        if queryset is not None:
            joined, prefetched = self.export_relations()
            queryset = queryset.select_related(*joined).prefetch_related(*prefetched)
        self._export_fields = {}  # the fields are worked out once per export, not per row
        try:
            return super().export(queryset=queryset, **kwargs)
        finally:
            del self._export_fields

    def get_export_fields(self, selected_fields=None):
        cache = getattr(self, "_export_fields", None)
        if cache is None:
            return super().get_export_fields(selected_fields)
        key = tuple(selected_fields) if selected_fields else None
        if key not in cache:
            cache[key] = super().get_export_fields(selected_fields)
        return cache[key]

    def iter_queryset(self, queryset):
        # Django's iterator prefetches per chunk: no deep OFFSET pagination of the whole table.
        if not isinstance(queryset, QuerySet):
            yield from super().iter_queryset(queryset)
            return
        for number, obj in enumerate(queryset.iterator(chunk_size=self.export_chunk_size), 1):
            if self.progress and number % self.export_chunk_size == 0:
                self.progress(number)
            yield obj

    def import_data(self, dataset, *args, **kwargs):
        self._dataset = dataset
        self._written_headers = {}
        result = super().import_data(dataset, *args, **kwargs)
        result.messages = self.error_messages(result)
        return result

    def error_messages(self, result) -> list[str]:
        """Every problem of the file at once, each naming the spreadsheet's row (the header is
        row 1), the column as written in the file and the value, in the user's language."""
        found = [(0, str(error.error)) for error in result.base_errors]
        for number, errors in result.row_errors():
            for error in errors:
                found.append((number, self._row_message(number, None, _plain(error.error))))
        for row in result.invalid_rows:
            for name, errors in row.error_dict.items():
                for message in errors:
                    found.append((row.number, self._row_message(row.number, name, message)))
        return [message for _number, message in sorted(found, key=lambda item: item[0])]

    def _field_named(self, name: str):
        for field in self.fields.values():
            if name in (field.attribute, field.column_name):
                return field
        return None

    def _row_message(self, number: int, name: str | None, message) -> str:
        row = number + 1  # the header is the spreadsheet's first row
        field = self._field_named(name) if name and name != NON_FIELD_ERRORS else None
        if field is None:
            return _("Row %(row)s: %(message)s") % {"row": row, "message": message}
        header = self._written_headers.get(field.column_name)
        if header is None:  # not a column of the file
            return _("Row %(row)s, “%(column)s”: %(message)s") % {
                "row": row,
                "column": self.column_label(field),
                "message": message,
            }
        values = self._dataset[number - 1]
        index = list(self._dataset.headers).index(field.column_name)
        value = values[index] if index < len(values) else None
        if value in (None, ""):
            return _("Row %(row)s, column “%(column)s” (empty): %(message)s") % {
                "row": row,
                "column": header,
                "message": message,
            }
        return _("Row %(row)s, column “%(column)s”, value “%(value)s”: %(message)s") % {
            "row": row,
            "column": header,
            "value": value,
            "message": message,
        }

    def import_row(self, row, instance_loader, **kwargs):
        # The preview shows its first rows as a diff; the rest are counted, not drawn.
        number = kwargs.get("row_number", 0)
        self._meta.skip_html_diff = not self._is_dry_run(kwargs) or number > PREVIEW_ROWS
        result = super().import_row(row, instance_loader, **kwargs)
        if self.progress and number % PROGRESS_EVERY == 0:
            self.progress(number)
        return result

    def save_instance(self, instance, is_create, row, **kwargs):
        # A preview writes nothing: validate_instance covers what the database would refuse.
        if not self._is_dry_run(kwargs):
            if self._history is None:
                super().save_instance(instance, is_create, row, **kwargs)
            else:  # its history is written for the whole file at the end, in a few queries
                instance.skip_history_when_saving = True
                try:
                    super().save_instance(instance, is_create, row, **kwargs)
                finally:
                    del instance.skip_history_when_saving
                self._unrecorded[is_create].append(instance)
        self.remember(instance)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if self._history is None or result.has_errors() or result.has_validation_errors():
            return  # rolled back: nothing to record
        for created, instances in self._unrecorded.items():
            self._history.bulk_history_create(
                instances, update=not created, default_user=self.user, batch_size=500
            )

    def remember(self, instance) -> None:
        """A record this file creates, for later rows that name it."""
        for field in self.fields.values():
            if isinstance(field.widget, RelatedWidget):
                field.widget.remember(instance)

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_dry_run(kwargs):
            super().save_m2m(instance, row, **kwargs)

    def _column(self, dataset, attribute: str) -> str | None:
        for field in self.fields.values():
            if field.attribute == attribute and field.column_name in (dataset.headers or []):
                return field.column_name
        return None

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        try:
            self._history = get_history_manager_for_model(self._meta.model)
        except NotHistoricalModelError:
            self._history = None
        self._unrecorded = {True: [], False: []}
        self._rename_headers(dataset)
        self._refuse_repeated_keys(dataset)
        for field in self.fields.values():
            if isinstance(field.widget, RelatedWidget) and field.column_name in (
                dataset.headers or []
            ):
                values = {str(v).strip() for v in dataset[field.column_name] if v not in (None, "")}
                field.widget.prefetch(values)
        self._existing = {}
        model = self._meta.model
        for constraint in model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and len(constraint.fields) == 1:
                name = constraint.fields[0]
                column = self._column(dataset, name)
                if column:
                    values = {str(v).strip() for v in dataset[column] if v not in (None, "")}
                    rows = model._default_manager.filter(**{f"{name}__in": values})
                    self._existing[name] = dict(rows.values_list(name, "pk"))
        self._seen = {name: {} for name in self._existing}

    def _refuse_repeated_keys(self, dataset):
        columns = [
            self.fields[name].column_name
            for name in self.get_import_id_fields()
            if name in self.fields and self.fields[name].column_name in (dataset.headers or [])
        ]
        if not columns:
            return
        keys = Counter(
            tuple(str(row[column]).strip() for column in columns)
            for row in dataset.dict
            if any(str(row[column] or "").strip() for column in columns)
        )
        repeated = sorted(", ".join(key) for key, count in keys.items() if count > 1)
        if repeated:
            raise ImportRefused(
                _("These keys (%(columns)s) appear more than once in the file: %(keys)s.")
                % {"columns": ", ".join(columns), "keys": "; ".join(repeated[:10])}
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if self._meta.clean_model_instances:
            countries = [f for f in instance._meta.fields if isinstance(f, CountryField)]
            for field in countries:  # its own validation rebuilds ~250 choices per call
                if field.name in errors:
                    continue
                code = getattr(instance, field.attname)
                if code and not django_countries.countries.alpha2(code):
                    message = field.error_messages["invalid_choice"] % {"value": code}
                    errors.setdefault(field.name, []).append(message)
                elif not code and not field.blank:
                    errors.setdefault(field.name, []).append(field.error_messages["blank"])
            # A record found by a widget exists: no query per row and relation to check it.
            found = {
                field.name
                for field in instance._meta.fields
                if field.many_to_one
                and field.is_cached(instance)
                and getattr(instance, field.name) is not None
            }
            try:
                instance.full_clean(
                    exclude={*errors, *found, *(field.name for field in countries)},
                    validate_unique=validate_unique,
                    validate_constraints=False,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            errors = self._check_constraints(instance, errors)
        if errors:
            raise ValidationError(errors)

    def _check_constraints(self, instance, errors: dict) -> dict:
        model = type(instance)
        for constraint in model._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                if set(_fields_of(constraint.condition)) & set(errors):
                    continue  # a value already refused: the rule would only repeat it
                passed = evaluate(constraint.condition, instance)
                if passed is _UNSUPPORTED:
                    passed = self._database_check(constraint, instance)
                if passed is False:
                    field, message = self._violation(constraint)
                    errors.setdefault(field, []).append(message)
            elif isinstance(constraint, UniqueConstraint) and constraint.fields[0] in getattr(
                self, "_existing", {}
            ):
                errors = self._check_unique(constraint, instance, errors)
            elif (
                isinstance(constraint, UniqueConstraint)
                and len(constraint.fields) == 1
                and getattr(instance, constraint.fields[0]) in (None, "")
            ):
                continue  # an empty value never collides (not in the file: left as it was)
            else:
                try:
                    constraint.validate(model, instance, exclude=set(errors))
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
        return errors

    def _violation(self, constraint) -> tuple[str, str]:
        """The field a broken rule is reported against, and the rule in words: the constraint's
        own message, else the fields that do not go together (never a constraint's name)."""
        names = [n for n in _fields_of(constraint.condition) if n != "pk"]
        field = names[0] if names else "__all__"
        if constraint.violation_error_message not in (
            None,
            constraint.default_violation_error_message,
        ):
            return field, constraint.get_violation_error_message()
        opts = self._meta.model._meta
        labels = [str(opts.get_field(name).verbose_name) for name in dict.fromkeys(names)]
        return field, _("these values do not go together: %(fields)s.") % {
            "fields": ", ".join(labels)
        }

    @staticmethod
    def _database_check(constraint, instance) -> bool:
        try:
            constraint.validate(type(instance), instance)
        except ValidationError:
            return False
        return True

    def _check_unique(self, constraint, instance, errors: dict) -> dict:
        name = constraint.fields[0]
        value = getattr(instance, name)
        if (
            constraint.condition is not None
            and evaluate(constraint.condition, instance) is not True
        ):
            return errors
        if value in (None, ""):
            return errors
        other = self._existing[name].get(value, instance.pk)
        seen = self._seen[name].setdefault(value, instance.pk or id(instance))
        if other != instance.pk or seen != (instance.pk or id(instance)):
            message = instance.unique_error_message(type(instance), [name])
            errors.setdefault(name, []).append(message)
        return errors
