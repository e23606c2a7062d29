"""The base of every import/export resource: who acts, bounded work per row, one rule per check.

A row costs no query of its own: related records and existing keys are fetched once per file.
The preview (dry run) and the confirmed import do the same work: each row is checked by the
model's own validation (its `clean()`, in Python), then written with its batch of rows
(`bulk_create`/`bulk_update`, a few statements per 500 rows) inside the import's transaction,
so the database itself checks its constraints (check, unique, foreign keys). A preview is then
rolled back. A batch the database refuses is written again row by row, each in a savepoint, and
the rows it refuses are explained by Django's own validation of that row (its constraints and
unique fields, evaluated by the database) next to the right column. History is written for the
whole file at the end, copied by the database from the rows as stored (record_history).
"""

import copy
import functools
from collections import Counter
from dataclasses import dataclass

import django_countries
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.db.models import CheckConstraint, DateField, DateTimeField, F, Q, QuerySet
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries.fields import CountryField
from import_export import resources
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import RowResult
from import_export.widgets import ManyToManyWidget, Widget
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from core.languages import content_languages
from pagecache.versions import bump_content_version

from .import_widgets import ChoiceWidget, DayWidget, RelatedWidget, loose
from .spreadsheets import ImportRefused

PREVIEW_ROWS = 100
PROGRESS_EVERY = 200
WRITE_BATCH = 500  # rows written per statement; a refused batch is retried row by row


def _fields_of(condition) -> list[str]:
    """The model fields a Q condition reads, in order (to name the column a broken rule is
    reported against; the database itself decides whether the rule is broken)."""
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


def update_rows(model, instances: list, names: list[str], *, using: str) -> None:
    """`bulk_update` in one statement per batch: on PostgreSQL an UPDATE … FROM (VALUES …), whose
    cost grows with the rows (Django's CASE WHEN per field builds an expression per row and
    field, and the database compares every row with every case)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._default_manager.db_manager(using).bulk_update(instances, names)
        return
    opts = model._meta
    fields = [opts.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = [opts.pk, *fields]
    casts = ", ".join(f"CAST(%s AS {field.db_type(connection)})" for field in columns)
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in fields)
    names_sql = ", ".join(quote(field.column) for field in columns)
    pk = quote(opts.pk.column)
    with connection.cursor() as cursor:
        for start in range(0, len(instances), WRITE_BATCH):
            chunk = instances[start : start + WRITE_BATCH]
            params = []
            for instance in chunk:
                for field in columns:
                    value = field.pre_save(instance, add=False)
                    params.append(field.get_db_prep_save(value, connection=connection))
            values = ", ".join(f"({casts})" for _instance in chunk)
            cursor.execute(
                f"UPDATE {quote(opts.db_table)} AS t SET {assignments} "
                f"FROM (VALUES {values}) AS v({names_sql}) WHERE t.{pk} = v.{pk}",
                params,
            )


HISTORY_COLUMNS = {"history_id", "history_date", "history_change_reason", "history_type"}


def record_history(history, instances: list, *, created: bool, user, using: str) -> None:
    """The history of `instances` as they now stand in the database, by the importing user: one
    INSERT … SELECT per batch, copying the rows in the database rather than building a
    historical record per row in Python (simple-history's bulk_history_create, kept for the
    historical models this does not fit: extra fields of their own)."""
    historical = history.model
    tracked = {field.attname for field in historical.tracked_fields}
    own = {field.attname for field in historical._meta.concrete_fields} - tracked
    if own != HISTORY_COLUMNS | {"history_user_id"}:
        history.bulk_history_create(
            instances, update=not created, default_user=user, batch_size=WRITE_BATCH
        )
        return
    if not instances:
        return
    connection = connections[using]
    quote = connection.ops.quote_name
    opts = historical._meta
    columns = [field.column for field in historical.tracked_fields]
    source = type(instances[0])._meta
    pk = quote(source.pk.column)
    inserted = ", ".join(
        quote(name)
        for name in [
            *columns,
            "history_date",
            "history_change_reason",
            "history_type",
            opts.get_field("history_user").column,
        ]
    )
    selected = ", ".join(quote(name) for name in columns)
    pks = [instance.pk for instance in instances]
    now = timezone.now()
    with connection.cursor() as cursor:
        for start in range(0, len(pks), WRITE_BATCH):
            chunk = pks[start : start + WRITE_BATCH]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {quote(opts.db_table)} ({inserted}) "
                f"SELECT {selected}, %s, %s, %s, %s FROM {quote(source.db_table)} "
                f"WHERE {pk} IN ({marks}) ORDER BY {pk}",
                [
                    opts.get_field("history_date").get_db_prep_save(now, connection),
                    "",
                    "+" if created else "~",
                    getattr(user, "pk", None),
                    *chunk,
                ],
            )


@dataclass
class _Pending:
    """A row's record waiting to be written with its batch."""

    instance: object
    is_create: bool
    number: int
    row: dict


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
        # No savepoint per row: rows are written by batches (save_instance, _write).
        use_bulk = True
        batch_size = None  # import-export's own batches are not used: see WRITE_BATCH

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
        opts = self._meta.model._meta
        heavy = [  # a related record's JSON (an institution's ROR record): never compared
            f"{name}__{field.name}"
            for name in joined
            for field in opts.get_field(name).related_model._meta.concrete_fields
            if field.get_internal_type() == "JSONField"
        ]
        return super().get_queryset().select_related(*joined).defer(*heavy)

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
        self._import_fields = None  # worked out once per file, not per row and field
        try:
            result = super().import_data(dataset, *args, **kwargs)
        finally:
            del self._import_fields
        result.messages = self.error_messages(result)
        return result

    def get_import_fields(self):
        if getattr(self, "_import_fields", False) is False:  # outside an import
            return super().get_import_fields()
        if self._import_fields is None:
            self._import_fields = super().get_import_fields()
        return self._import_fields

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
        # The preview shows its first rows as a diff; the rest are counted, not drawn, and are
        # compared with the stored record field by field rather than through a deep copy.
        number = kwargs.get("row_number", 0)
        drawn = self._is_dry_run(kwargs) and number <= PREVIEW_ROWS
        self._meta.skip_html_diff = not drawn
        self._meta.skip_diff = not (drawn or self._compares_m2m)
        result = super().import_row(row, instance_loader, **kwargs)
        self._row_results[number] = result
        if self.progress and number % PROGRESS_EVERY == 0:
            self.progress(number)
        return result

    def import_instance(self, instance, row, **kwargs):
        """As import-export does, over the columns of the file worked out once per file (its own
        loop checks and logs each field of each row)."""
        if self._written is None:
            self._written = [
                field
                for field in self.get_import_fields()
                if field.attribute
                and not field.readonly
                and field.column_name in row
                and not isinstance(field.widget, ManyToManyWidget)
            ]
        errors = {}
        for field in self._written:
            try:
                field.save(instance, row, **kwargs)
            except ValueError as error:
                errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self._stored = None if new else self._values(instance)

    def _values(self, instance) -> tuple:
        return tuple(getattr(instance, name, None) for name in self._compared)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original is not None or not self._meta.skip_unchanged or import_validation_errors:
            return super().skip_row(instance, original, row, import_validation_errors)
        # No copy of the stored record: its values were noted before the row was read.
        if instance.pk is None or self._stored is None:
            return False
        return self._values(instance) == self._stored

    def save_instance(self, instance, is_create, row, **kwargs):
        """The record waits for its batch; a record naming another that is still waiting (a
        parent created by an earlier row) sends that batch first."""
        self.before_save_instance(instance, row, **kwargs)
        if not self._writes:
            self.after_save_instance(instance, row, **kwargs)
            self.remember(instance)
            return
        if self._names_waiting(instance):
            self._write()
        self._pending.append(_Pending(instance, is_create, kwargs.get("row_number", 0), row))
        self._waiting.add(id(instance))
        if len(self._pending) >= WRITE_BATCH:
            self._write()
        self.after_save_instance(instance, row, **kwargs)
        self.remember(instance)

    def _names_waiting(self, instance) -> bool:
        for field in instance._meta.concrete_fields:
            if field.many_to_one and field.is_cached(instance):
                related = getattr(instance, field.name)
                if related is not None and id(related) in self._waiting:
                    return True
        return False

    def _write(self) -> None:
        """The waiting records, created then updated, a few statements per batch; a batch the
        database refuses is written row by row to find the rows it refuses."""
        pending, self._pending, self._waiting = self._pending, [], set()
        model = self._meta.model
        now = timezone.now()
        for is_create in (True, False):
            batch = [item for item in pending if item.is_create is is_create]
            if not batch:
                continue
            instances = [item.instance for item in batch]
            try:
                with transaction.atomic(using=self._db):
                    if is_create:
                        model._default_manager.bulk_create(instances)
                    else:
                        for instance in instances:
                            self._touch(instance, now)
                        update_rows(model, instances, self._updated_fields, using=self._db)
            except (IntegrityError, DatabaseError, ValueError):
                batch = self._write_one_by_one(batch)
            for item in batch:
                self._unrecorded[is_create].append(item.instance)
                if self._m2m_columns:
                    self._m2m_waiting.append(item)

    def _touch(self, instance, now) -> None:
        for field in self._meta.model._meta.concrete_fields:
            if getattr(field, "auto_now", False):
                setattr(instance, field.attname, now)

    def _write_one_by_one(self, batch: list) -> list:
        written = []
        for item in batch:
            instance = item.instance
            instance.skip_history_when_saving = True  # recorded with the others at the end
            try:
                with transaction.atomic(using=self._db):
                    if item.is_create:
                        instance.save(force_insert=True)
                    else:
                        instance.save()
            except (IntegrityError, DatabaseError, ValueError) as refused:
                if item.is_create:
                    instance.pk = None
                self._refused.append((item, self._explain(instance, refused)))
            else:
                written.append(item)
            finally:
                del instance.skip_history_when_saving
        return written

    def _explain(self, instance, refused: Exception) -> ValidationError:
        """Why the database refused `instance`, by the model's own rules, next to their column:
        each constraint and unique field checked by Django against the database, or the related
        record that could not be written."""
        errors = {}
        if isinstance(refused, ValueError):  # a related record whose own row was refused
            for field in instance._meta.concrete_fields:
                if field.many_to_one and field.is_cached(instance):
                    related = getattr(instance, field.name)
                    if related is not None and related.pk is None:
                        errors[field.name] = [
                            _("the row of this %(model)s was refused: correct it first.")
                            % {"model": field.related_model._meta.verbose_name}
                        ]
        else:
            errors = self._broken_rules(instance, {})
        if not errors:
            errors = {NON_FIELD_ERRORS: [_plain(refused)]}
        return ValidationError(errors)

    def _broken_rules(self, instance, errors: dict) -> dict:
        """The model's constraints and unique fields `instance` breaks, as Django checks them
        against the database (a query each: only for rows already refused), each next to its
        first field."""
        model = type(instance)
        try:
            instance.validate_unique(exclude=set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for constraint in model._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                if set(_fields_of(constraint.condition)) & set(errors):
                    continue  # a value already refused: the rule would only repeat it
                try:
                    constraint.validate(model, instance, exclude=set(errors))
                except ValidationError:
                    field, message = self._violation(constraint)
                    errors.setdefault(field, []).append(message)
            else:
                try:
                    constraint.validate(model, instance, exclude=set(errors))
                except ValidationError as error:
                    fields = getattr(constraint, "fields", ())
                    if len(fields) == 1 and constraint.violation_error_message in (
                        None,
                        constraint.default_violation_error_message,
                    ):  # one field: said as Django says it of a unique field
                        message = instance.unique_error_message(model, list(fields))
                        errors.setdefault(fields[0], []).append(message)
                    else:
                        errors = error.update_error_dict(errors)
        return errors

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self._writes:
            self._write()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        pass  # written with the creations, by _write

    def save_m2m(self, instance, row, **kwargs):
        pass  # after the record is written (after_import: it needs the record's id)

    def after_import(self, dataset, result, **kwargs):
        for item, error in self._refused:
            row_result = self._row_results.get(item.number)
            if row_result is not None:
                result.totals[row_result.import_type] -= 1
                row_result.import_type = RowResult.IMPORT_TYPE_INVALID
                row_result.validation_error = error
                result.totals[RowResult.IMPORT_TYPE_INVALID] += 1
            result.append_invalid_row(item.number, item.row, error)
        super().after_import(dataset, result, **kwargs)
        if self._is_dry_run(kwargs) or result.has_errors() or result.has_validation_errors():
            return  # rolled back: nothing to record
        for item in self._m2m_waiting:
            for field in self.get_import_fields():
                if field.column_name in self._m2m_columns:
                    self.import_field(field, item.instance, item.row, is_m2m=True, **kwargs)
        if self._history is not None:
            for created, instances in self._unrecorded.items():
                record_history(
                    self._history, instances, created=created, user=self.user, using=self._db
                )
        bump_content_version(using=self._db)  # no signal was sent (now and at the commit)

    def remember(self, instance) -> None:
        """A record this file creates, for later rows that name it."""
        for field in self.fields.values():
            if isinstance(field.widget, RelatedWidget):
                field.widget.remember(instance)

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
        self._db = self.get_db_connection_name()
        # Without a transaction to roll back, a preview writes nothing (and checks in Python).
        self._writes = not (
            self._is_dry_run(kwargs)
            and not (kwargs.get("using_transactions") or connections[self._db].in_atomic_block)
        )
        self._unrecorded = {True: [], False: []}
        self._pending, self._waiting, self._refused = [], set(), []
        self._row_results, self._m2m_waiting = {}, []
        self._written = None  # the fields the file's columns write, from its first row
        self._rename_headers(dataset)
        self._prepare_comparison(dataset)
        self._refuse_repeated_keys(dataset)
        for field in self.fields.values():
            if isinstance(field.widget, RelatedWidget) and field.column_name in (
                dataset.headers or []
            ):
                values = {str(v).strip() for v in dataset[field.column_name] if v not in (None, "")}
                field.widget.prefetch(values)

    def _prepare_comparison(self, dataset) -> None:
        """What an unchanged row is compared on (the model's columns the file's fields write),
        and the many-to-many columns, written once their record has its id."""
        opts = self._meta.model._meta
        headers = set(dataset.headers or [])
        compared, m2m = [], set()
        for field in self.get_import_fields():
            if field.readonly or not field.attribute:
                continue
            if isinstance(field.widget, ManyToManyWidget):
                if field.column_name in headers:
                    m2m.add(field.column_name)
                continue
            try:
                model_field = opts.get_field(field.attribute)
            except FieldDoesNotExist:
                compared.append(field.attribute)
                continue
            compared.append(getattr(model_field, "attname", field.attribute))
        self._compared = compared
        self._m2m_columns = m2m
        self._compares_m2m = bool(m2m)
        self._updated_fields = [
            field.name
            for field in opts.concrete_fields
            if not field.primary_key and not getattr(field, "auto_now_add", False)
        ]

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
        """The model's own validation (fields, `clean()`), without a query: uniqueness and the
        constraints are the database's to check when the row is written (see _write). A row
        refused here is not written: its constraints are checked by Django, against the
        database, so that every problem of the row is named at once."""
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
            # A related record named by the file was found by its widget, and one already
            # stored exists: no query per row and relation (the database checks it on write).
            # A choice read by its widget is one of the allowed values.
            trusted = {
                field.name
                for field in instance._meta.fields
                if (field.many_to_one and getattr(instance, field.attname) is not None)
                or (
                    field.many_to_one
                    and field.is_cached(instance)
                    and getattr(instance, field.name) is not None
                )
                or (field.name in self._chosen and getattr(instance, field.attname))
            }
            try:
                instance.full_clean(
                    exclude={*errors, *trusted, *(field.name for field in countries)},
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            if errors and self._writes:
                errors = self._broken_rules(instance, errors)
        if errors:
            raise ValidationError(errors)

    @functools.cached_property
    def _chosen(self) -> set[str]:
        """The model fields whose column is read by a ChoiceWidget (a value among the choices)."""
        return {
            field.attribute
            for field in self.get_import_fields()
            if isinstance(field.widget, ChoiceWidget) and field.attribute
        }

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
