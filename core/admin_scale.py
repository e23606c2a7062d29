"""The admin at scale: counts that do not scan big tables, filters and inlines that do not list
every related row, autocompletes that do not query once per row."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet, _get_foreign_key
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property

from .partial_dates import PartialDateAdminMixin, PartialDateFormMixin

# Beyond this many rows a list says "more than …" instead of counting them all.
EXACT_COUNT_LIMIT = 10_000


def estimated_rows(model) -> int | None:
    """PostgreSQL's estimate of a table's rows (kept by ANALYZE/autovacuum), None elsewhere."""
    connection = connections[model._default_manager.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(model._meta.db_table)],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] >= 0 else None


def count_of(model, fk: str):
    """The number of `model` rows pointing at each listed row: a subquery the database runs
    for the page's rows only, not a join and GROUP BY over the whole table."""
    counted = (
        model._default_manager.filter(**{fk: OuterRef("pk")})
        .order_by()
        .values(fk)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to EXACT_COUNT_LIMIT rows; beyond, the unfiltered list of a big table
    takes PostgreSQL's estimate and a filtered one stops counting at the limit (`count_is` says
    which, for the "about …" / "more than …" of the list's footer)."""

    count_is = "exact"

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not queryset.query.where:
            estimate = estimated_rows(queryset.model)
            if estimate is not None and estimate > EXACT_COUNT_LIMIT:
                self.count_is = "estimate"
                return estimate
        counted = queryset.order_by().values("pk")[: EXACT_COUNT_LIMIT + 1].count()
        if counted > EXACT_COUNT_LIMIT:
            self.count_is = "at_least"
            return EXACT_COUNT_LIMIT
        return counted


class LookaheadPaginator(Paginator):
    """No count at all: a page is read with one row more, which tells whether another follows
    (the autocompletes: "more results" is all they need)."""

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as bad:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from bad
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        self.count = bottom + len(rows)  # enough for has_next()
        return self._get_page(rows[: self.per_page], number, self)


class ScaledListMixin:
    """For every changelist: no second count of the whole table, no facet counts, an estimated
    count beyond EXACT_COUNT_LIMIT rows, the media of the autocomplete filters."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            return LookaheadPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    @property
    def media(self):
        media = super().media
        for spec in self.list_filter:
            if isinstance(spec, (list, tuple)) and issubclass(spec[1], AutocompleteListFilter):
                field = get_fields_from_path(self.model, spec[0])[-1]
                return (
                    media
                    + AutocompleteSelect(field, self.admin_site).media
                    + forms.Media(js=["js/admin_autocomplete_filter.js"])
                )
        return media


def scale_every_admin(site) -> None:
    """Give the admins of other packages (users, groups, login attempts, tasks…) the same
    bounded counts: re-registered with ScaledListMixin in front."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, ScaledListMixin):
            continue
        admin_class = type(model_admin)
        site.unregister(model)
        site.register(
            model,
            type(
                admin_class.__name__,
                (ScaledListMixin, admin_class),
                {"__module__": admin_class.__module__},
            ),
        )


class AutocompleteListFilter(admin.FieldListFilter):
    """A filter on a relation to a big table (“by partnership”): an autocomplete box reading the
    admin's own autocomplete view, instead of a sidebar listing every choice.

    Use as ``list_filter = [("partnership", AutocompleteListFilter)]``; the URL parameter is the
    same as Django's related filter (``partnership__id__exact``)."""

    template = "admin/clara_autocomplete_filter.html"

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.lookup_kwarg = f"{field_path}__{field.target_field.name}__exact"
        self.lookup_kwarg_isnull = f"{field_path}__isnull"
        super().__init__(field, request, params, model, model_admin, field_path)
        self.admin_site = model_admin.admin_site
        self.request = request
        self.lookup_val = self.used_parameters.get(self.lookup_kwarg)

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg_isnull]

    def choices(self, changelist):
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(remove=self.expected_parameters()),
            "display": "",
        }

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {}

    @property
    def value(self) -> str:
        value = self.lookup_val
        if isinstance(value, list):
            value = value[-1] if value else ""
        return str(value or "")

    def rendered_widget(self):
        remote = self.field.remote_field.model
        remote_admin = self.admin_site._registry.get(remote)
        # The chosen record is named only if the user may see it (confidential agreements).
        choices = (
            remote_admin.get_queryset(self.request)
            if remote_admin is not None
            else remote._default_manager.all()
        )
        field = forms.ModelChoiceField(
            queryset=choices,
            widget=AutocompleteSelect(self.field, self.admin_site),
            required=False,
        )
        try:
            return field.widget.render(
                self.lookup_kwarg,
                self.value,
                attrs={"id": f"filter-{self.lookup_kwarg}", "aria-label": str(self.title)},
            )
        except (ValueError, TypeError) as bad:
            raise IncorrectLookupParameters(bad) from bad


class KnownChoiceAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option's label is given by the form (from the row's
    already loaded related object) instead of one query per rendered row."""

    known: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.known or not selected or not selected <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for key in sorted(selected):
            options.append(self.create_option(name, key, self.known[key], selected, len(options)))
        return [(None, options, 0)]


class KnownChoicesForm(PartialDateFormMixin, forms.ModelForm):
    """Gives each autocomplete the label of the related object the row already holds (and
    reads partial dates)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, KnownChoiceAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if not model_field.is_cached(self.instance):
                continue
            related = getattr(self.instance, name)
            if related is not None:
                key = str(getattr(related, model_field.target_field.attname))
                widget.known = {key: field.label_from_instance(related)}


class KnownChoicesInlineMixin(PartialDateAdminMixin):
    """Inline rows load their autocompleted foreign keys with the rows (one query in all)."""

    form = KnownChoicesForm

    def _autocompleted_foreign_keys(self, request) -> list[str]:
        names = []
        for name in self.get_autocomplete_fields(request):
            field = self.model._meta.get_field(name)
            if field.many_to_one or field.one_to_one:
                names.append(name)
        return names

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        related = self._autocompleted_foreign_keys(request)
        return queryset.select_related(*related) if related else queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BoundedInlineFormSet(BaseInlineFormSet):
    """The first `max_rows` related rows only; `total` and `full_list_url` tell the rest."""

    max_rows = 10
    full_list_url = ""

    def get_queryset(self):
        if not hasattr(self, "_bounded"):
            queryset = super().get_queryset()
            self.total = queryset.count() if self.instance.pk is not None else 0
            self._bounded = queryset[: self.max_rows] if self.total > self.max_rows else queryset
        return self._bounded

    @property
    def is_truncated(self) -> bool:
        self.get_queryset()
        return self.total > self.max_rows


class BoundedInlineMixin(KnownChoicesInlineMixin):
    """An inline of a relation with no upper bound (members, parties, teams, mobilities): the
    first rows, editable, an empty row to add one, and above `max_rows` a link to the
    changelist filtered on this record, where every row is listed and edited."""

    max_rows = 10
    formset = BoundedInlineFormSet
    template = "admin/edit_inline/clara_bounded_tabular.html"

    def full_list_url(self, obj) -> str:
        if obj is None or obj.pk is None:
            return ""
        fk = _get_foreign_key(self.parent_model, self.model, fk_name=self.fk_name)
        opts = self.model._meta
        try:
            url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            return ""
        return f"{url}?{urlencode({f'{fk.name}__{fk.target_field.name}__exact': obj.pk})}"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(
            formset.__name__,
            (formset,),
            {"max_rows": self.max_rows, "full_list_url": self.full_list_url(obj)},
        )
