"""The admin at scale: counts that do not scan big tables, filters and inlines that do not list
every related row, autocompletes that do not query once per row."""

from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Model, Q
from django.db.models.constants import LOOKUP_SEP
from django.forms.models import BaseInlineFormSet
from django.urls import NoReverseMatch, reverse
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from core.paging import EstimatedCountPaginator, UncountedPaginator
from core.partial_dates import PartialDateAdminMixin, PartialDateFormMixin
from pagecache.versioned import cached

# A search term shorter than this is a prefix (trigram indexes need three characters).
SHORT_TERM = 3
# A search on a related record's name keeps at most this many of the related records
# (settings.ADMIN_SEARCH_RELATED_MATCHES): the bound on what one search may read. Each word is
# matched apart: a word matching more related records than this may miss some rows.
RELATED_MATCHES = 10_000
MAX_TERMS = 10


def related_matches() -> int:
    return getattr(settings, "ADMIN_SEARCH_RELATED_MATCHES", RELATED_MATCHES)


def search_lookup(field_name: str, term: str) -> tuple[str, str]:
    """The field's path and lookup, as Django's admin reads `search_fields` (^ = @), except
    that a plain field searched for a short term is a prefix (istartswith)."""
    prefixes = {"^": "istartswith", "=": "iexact", "@": "search"}
    if field_name[:1] in prefixes:
        return field_name[1:], prefixes[field_name[0]]
    return field_name, "icontains" if len(term) >= SHORT_TERM else "istartswith"


def search_condition(model, path: str, lookup: str, term: str) -> tuple[Q, bool]:
    """`path` matching `term`, a relation at a time: the related table is searched on its own
    (its trigram index) for at most related_matches() keys, which the relation then reads —
    no join of whole tables under an OR. Also says whether the path crosses a to-many
    relation (rows may repeat)."""
    first, _, rest = path.partition(LOOKUP_SEP)
    try:
        field = model._meta.get_field(first)
    except FieldDoesNotExist:
        return Q(**{path: term}), False  # a lookup of its own (name__exact)
    if not rest or not field.is_relation:
        return Q(**{f"{path}__{lookup}": term}), False
    related = field.related_model
    inner, many = search_condition(related, rest, lookup, term)
    matches = related._default_manager.filter(inner).order_by()
    if field.one_to_many and not many:
        # The rows the matching related records point at (no join of the related table).
        keys = matches.values(field.field.attname)[: related_matches()]
        return Q(**{f"{field.field.target_field.attname}__in": keys}), False
    keys = matches.values("pk")[: related_matches()]
    return Q(**{f"{first}__in": keys}), many or field.one_to_many or field.many_to_many


class ScaledListMixin:
    """For every changelist: no second count of the whole table, no facet counts, an estimated
    count beyond the exact-count limit, the media of the autocomplete filters, a search box
    that reads each searched table by its own index (search_condition)."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def get_search_results(self, request, queryset, search_term):
        search_fields = self.get_search_fields(request)
        if not (search_fields and search_term):
            return super().get_search_results(request, queryset, search_term)
        may_have_duplicates = False
        for bit in list(smart_split(search_term))[:MAX_TERMS]:
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            condition = Q()
            for field_name in search_fields:
                path, lookup = search_lookup(str(field_name), bit)
                matched, many = search_condition(queryset.model, path, lookup, bit)
                condition |= matched
                may_have_duplicates |= many
            queryset = queryset.filter(condition)
        return queryset, may_have_duplicates

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            return UncountedPaginator(queryset, per_page, orphans, allow_empty_first_page)
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


def admins_missing(site, mixin, *, only=object) -> list:
    """The admins registered on `site` that are an `only` but not a `mixin`."""
    registered = [site.get_model_admin(m) for m in apps.get_models() if site.is_registered(m)]
    return [
        model_admin
        for model_admin in registered
        if isinstance(model_admin, only) and not isinstance(model_admin, mixin)
    ]


def check_every_admin(app_configs=None, **kwargs) -> list[checks.Error]:
    """A system check: every admin of the site is written out with the bounded lists, and
    every admin with history pages with the history guard (admins of other packages are
    registered again, explicitly, by backoffice/admin.py)."""
    from django.contrib.admin import site
    from simple_history.admin import SimpleHistoryAdmin

    from .admin import GuardedHistoryMixin

    missing = [(admin, ScaledListMixin) for admin in admins_missing(site, ScaledListMixin)] + [
        (admin, GuardedHistoryMixin)
        for admin in admins_missing(site, GuardedHistoryMixin, only=SimpleHistoryAdmin)
    ]
    return [
        checks.Error(
            f"{type(model_admin).__qualname__} ({model_admin.opts.label}) does not subclass "
            f"{mixin.__name__}.",
            hint="Register the model with an admin class built on the project's bases "
            "(adminkit.admin).",
            obj=type(model_admin),
            id="adminkit.E001",
        )
        for model_admin, mixin in missing
    ]


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


class InUseChoicesListFilter(admin.ChoicesFieldListFilter):
    """A filter on a field with many choices (countries) offering only the values the records
    hold, in the order of their names: one DISTINCT over the column, computed once per
    content version."""

    def values_in_use(self) -> list:
        def build():
            queryset = self.model._default_manager.exclude(**{self.field_path: ""})
            return list(
                queryset.order_by()
                .exclude(**{f"{self.field_path}__isnull": True})
                .values_list(self.field_path, flat=True)
                .distinct()
            )

        return cached(f"in-use:{self.model._meta.label_lower}:{self.field_path}", build, fresh=True)

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.model = model
        super().__init__(field, request, params, model, model_admin, field_path)

    def choices(self, changelist):
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(
                remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]
            ),
            "display": _("All"),
        }
        names = dict(self.field.flatchoices)
        shown = sorted((str(names.get(v, v)), str(v)) for v in self.values_in_use())
        for title, value in shown:
            yield {
                "selected": self.lookup_val is not None and value in self.lookup_val,
                "query_string": changelist.get_query_string(
                    {self.lookup_kwarg: value}, [self.lookup_kwarg_isnull]
                ),
                "display": title,
            }


class KnownChoicesMixin:
    """An autocomplete whose selected options' labels are given by the form (from the related
    objects the record already holds) instead of a query per rendered field or row."""

    known: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.known is None or not selected <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for key in sorted(selected):
            options.append(self.create_option(name, key, self.known[key], selected, len(options)))
        return [(None, options, 0)]


class KnownChoiceAutocompleteSelect(KnownChoicesMixin, AutocompleteSelect):
    pass


class KnownChoicesAutocompleteSelectMultiple(KnownChoicesMixin, AutocompleteSelectMultiple):
    pass


class KnownChoicesFormMixin:
    """Gives each autocomplete the labels of the related objects the record already holds: a
    foreign key loaded with it (select_related), a many-to-many relation's initial objects.
    Only where every object may be chosen (a field limited to some objects, such as the
    agreements a user may see, asks the database which of them it may name)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, KnownChoicesMixin) or field.queryset.query.where:
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.many_to_many:
                initial = self.initial.get(name)
                if isinstance(initial, list) and all(isinstance(o, Model) for o in initial):
                    widget.known = {str(o.pk): field.label_from_instance(o) for o in initial}
                continue
            if not model_field.is_cached(self.instance):
                continue
            related = getattr(self.instance, name)
            key = "" if related is None else str(getattr(related, model_field.target_field.attname))
            widget.known = {key: field.label_from_instance(related)} if key else {}


class KnownChoicesForm(KnownChoicesFormMixin, PartialDateFormMixin, forms.ModelForm):
    """An inline row's form: autocompletes labelled from the row's loaded related objects, and
    partial dates."""


class KnownChoicesFieldsMixin:
    """Autocompleted foreign keys whose select is labelled from the loaded related object
    (KnownChoiceAutocompleteSelect): no query per field or per inline row."""

    def _autocompleted(self, request) -> tuple[list[str], list[str]]:
        foreign_keys, many_to_many = [], []
        for name in self.get_autocomplete_fields(request):
            field = self.model._meta.get_field(name)
            if field.many_to_one or field.one_to_one:
                foreign_keys.append(name)
            elif field.many_to_many:
                many_to_many.append(name)
        return foreign_keys, many_to_many

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class KnownChoicesAdminMixin(KnownChoicesFieldsMixin):
    """A ModelAdmin whose change form loads the record with its autocompleted relations (the
    foreign keys joined, each many-to-many relation in one query, even when empty): the same
    queries whatever the record holds. Its form mixes in KnownChoicesFormMixin."""

    def get_object(self, request, object_id, from_field=None):
        queryset = self.get_queryset(request)
        foreign_keys, many_to_many = self._autocompleted(request)
        if foreign_keys:
            queryset = queryset.select_related(*foreign_keys)
        if many_to_many:
            queryset = queryset.prefetch_related(*many_to_many)
        model = queryset.model
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            return queryset.get(**{field.name: object_id})
        except (model.DoesNotExist, ValidationError, ValueError):
            return None

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = KnownChoicesAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class KnownChoicesInlineMixin(KnownChoicesFieldsMixin, PartialDateAdminMixin):
    """Inline rows load their autocompleted foreign keys with the rows (one query in all)."""

    form = KnownChoicesForm

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        foreign_keys, _many_to_many = self._autocompleted(request)
        return queryset.select_related(*foreign_keys) if foreign_keys else queryset


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

    def full_list_url(self, obj, fk) -> str:
        """The changelist filtered on `obj`, through `fk` (the inline formset's foreign key)."""
        if obj is None or obj.pk is None:
            return ""
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
            {"max_rows": self.max_rows, "full_list_url": self.full_list_url(obj, formset.fk)},
        )
