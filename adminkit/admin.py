"""Admin building blocks shared by every app: languages side by side, history, import/export."""

import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Max, OuterRef, Subquery
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.timezone import localtime, now
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper
from unfold.admin import ModelAdmin as UnfoldModelAdmin
from unfold.admin import TabularInline
from unfold.contrib.import_export.forms import ImportForm, SelectableFieldsExportForm
from unfold.widgets import UnfoldAdminSelect2MultipleWidget

from core.languages import localized
from core.models import SpreadsheetJob
from core.partial_dates import PartialDateAdminMixin
from core.services import set_published
from core.text import unique_slug
from core.translation_status import missing_languages, missing_translation_q, translated_fields

from .admin_scale import (
    BoundedInlineFormSet,
    BoundedInlineMixin,
    KnownChoicesAdminMixin,
    KnownChoicesForm,
    ScaledListMixin,
)
from .jobs import start_job
from .spreadsheets import ImportRefused, SafeCSV, SafeXLSX, import_template


def _disable_all_fields(form, *args, **kwargs):
    super(type(form), form).__init__(*args, **kwargs)
    for field in form.fields.values():
        field.disabled = True


def latest_version(instance):
    """The newest history record of `instance`: who changed it last, and when."""
    history = getattr(type(instance), "history", None)
    if history is None or instance.pk is None:
        return None
    return (
        history.filter(**{type(instance)._meta.pk.attname: instance.pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )


def record_versions(model, pks) -> dict:
    """The version of each record: its newest history record ("0" before any), or for a model
    without history a digest of the values stored. One query for them all."""
    pk_name = model._meta.pk.attname
    history = getattr(model, "history", None)
    if history is not None:
        newest = (
            history.filter(**{f"{pk_name}__in": pks})
            .order_by()
            .values(pk_name)
            .annotate(newest=Max("history_id"))
        )
        found = {row[pk_name]: str(row["newest"]) for row in newest}
        return {pk: found.get(pk, "0") for pk in pks}
    return {
        stored[pk_name]: "v" + hashlib.sha256(repr(sorted(stored.items())).encode()).hexdigest()
        for stored in model._default_manager.filter(pk__in=pks).order_by().values()
    }


def newest_version_of_each_row(model):
    """The version of each row of a queryset of `model` (with history), read with the rows."""
    pk_name = model._meta.pk.attname
    return Subquery(
        model.history.filter(**{pk_name: OuterRef("pk")})
        .order_by("-history_id")
        .values("history_id")[:1]
    )


def record_version(instance) -> str:
    """The version a form of `instance` is loaded at (record_versions)."""
    return record_versions(type(instance), [instance.pk]).get(instance.pk, "")


class ClaraAdminForm(KnownChoicesForm):
    """Autocompletes labelled from the relations loaded with the record, partial dates (year,
    month or day) typed in one box (KnownChoicesForm), and optimistic locking: a change sent
    without the version its form was loaded at, or based on an older version than the
    database's, is refused (the admin's views validate forms in a transaction, where the
    record is locked while the versions are compared)."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # The fields a new record's slug is made from when left empty (VersionedAdmin.slug_from).
    slug_from: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["loaded_version"] = self.loaded_at()
        elif self.slug_from and "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Left empty, it is made from the name.")

    def fill_slug(self, cleaned: dict) -> None:
        if not self.slug_from or "slug" not in self.fields or cleaned.get("slug"):
            return
        words = []
        for name in self.slug_from:
            found = [cleaned.get(field) for field in (name, *localized(name))]
            words.append(next((str(value) for value in found if value), ""))
        text = " ".join(word for word in words if word)
        if text:
            model = self._meta.model
            length = model._meta.get_field("slug").max_length
            cleaned["slug"] = unique_slug(model, text, max_length=length)

    def loaded_at(self) -> str:
        return record_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            self.fill_slug(cleaned)
        if self.instance.pk is None or not self.has_changed_record():
            return cleaned
        loaded = cleaned.get("loaded_version")
        if not loaded:
            raise ValidationError(
                _(
                    "This form was sent without the version of the record it was opened at. "
                    "Open the record again, make your changes and save."
                ),
                code="no_version",
            )
        # Wait for a concurrent save of the same record, then compare versions.
        type(self.instance)._default_manager.select_for_update().filter(
            pk=self.instance.pk
        ).exists()
        if record_version(self.instance) != loaded:
            version = latest_version(self.instance)
            raise ValidationError(
                _(
                    "This record was changed by %(user)s on %(date)s after you opened it. "
                    "Open it again to see their changes, then make yours and save."
                )
                % {
                    "user": (version and version.history_user) or _("someone"),
                    "date": date_format(
                        localtime(version.history_date if version else now()), "DATETIME_FORMAT"
                    ),
                },
                code="stale",
            )
        return cleaned

    def has_changed_record(self) -> bool:
        """A change form is always checked; an unchanged inline row is not saved, so not."""
        return True


class DuplicateWarningForm(ClaraAdminForm):
    """Before a new record is saved (or renamed), its likely duplicates are listed with links
    (the admin's `likely_duplicates`); "Save anyway" saves it all the same."""

    save_anyway = forms.BooleanField(
        label=_("Save anyway"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_("Tick if this is not one of the records listed above, and save again."),
    )
    find_duplicates = None  # set by the admin: (cleaned_data, pk) -> list of (label, url)
    name_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        if self.find_duplicates is None or cleaned.get("save_anyway") or self.errors:
            return cleaned
        renamed = set(self.changed_data) & {*self.name_fields, *localized(*self.name_fields)}
        if self.instance.pk is not None and not renamed:
            return cleaned
        candidates = self.find_duplicates(cleaned, self.instance.pk)
        if candidates:
            self.fields["save_anyway"].widget = forms.CheckboxInput()
            raise ValidationError(
                format_html(
                    "{} {}. {}",
                    _("This may already exist:"),
                    format_html_join(
                        ", ", '<a href="{}" target="_blank">{}</a>', [(u, t) for t, u in candidates]
                    ),
                    _("Check them; if this is another one, tick “Save anyway” and save again."),
                ),
                code="likely_duplicate",
            )
        return cleaned


class VersionedInlineForm(ClaraAdminForm):
    """An inline row with optimistic locking: a row sent changed (or deleted) is checked
    against the version it was loaded at; an untouched row is neither saved nor checked."""

    def __init__(self, *args, versions=None, **kwargs):
        self.versions = versions
        super().__init__(*args, **kwargs)

    def loaded_at(self) -> str:
        if hasattr(self.instance, "clara_version"):
            return str(self.instance.clara_version or 0)
        if self.versions is not None:
            return self.versions.get(self.instance.pk, "")
        return super().loaded_at()

    def has_changed(self) -> bool:
        return bool(set(self.changed_data) - {"loaded_version"})

    def has_changed_record(self) -> bool:
        return self.has_changed()


class VersionedInlineFormSet(BoundedInlineFormSet):
    """The rows' versions come with the rows (history), or are read for the page at once."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.is_bound or index is None or index >= self.initial_form_count():
            return kwargs
        if not hasattr(self.model, "history") and not hasattr(self, "versions"):
            self.versions = record_versions(self.model, [row.pk for row in self.get_queryset()])
        kwargs["versions"] = getattr(self, "versions", None)
        return kwargs


class VersionedInlineMixin(BoundedInlineMixin):
    """An inline whose rows carry the version they were loaded at (VersionedInlineForm)."""

    form = VersionedInlineForm
    formset = VersionedInlineFormSet

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(self.model, "history"):
            queryset = queryset.annotate(clara_version=newest_version_of_each_row(self.model))
        return queryset

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        fields = [f for f in options["fields"] if f != "loaded_version"]
        return [(name, {**options, "fields": [*fields, "loaded_version"]}), *rest]


class TranslationMissingFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("missing", _("Translation missing")),
            ("missing-en", _("English missing")),
            ("missing-fr", _("French missing")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "missing":
            return queryset.filter(missing_translation_q(queryset.model))
        if value in {"missing-en", "missing-fr"}:
            return queryset.filter(missing_translation_q(queryset.model, value[-2:]))
        return queryset


def _visible_to(instance, user) -> bool:
    check = getattr(instance, "is_visible_to", None)
    return check is None or check(user)


class WithholdingContextHelper(HistoricalRecordContextHelper):
    """A history list's changes name a related record (str()) only if the user may see it:
    a confidential agreement is shown as withheld, whatever the relation pointing at it."""

    def __init__(self, model, historical_record, *, user):
        super().__init__(model, historical_record)
        self.user = user

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        if isinstance(value, list):
            return [self.shown(item) for item in value]
        return self.shown(value)

    def shown(self, value):
        return value if _visible_to(value, self.user) else _("Confidential record (withheld)")


class GuardedHistoryMixin:
    """History pages follow the change view's rules: what `get_queryset` hides is a 404 there
    too; a revert (a POST) needs the change permission, without it the old version is read-only;
    a revert runs in a transaction like any change; history lists name only the related records
    the user may see. Every admin with history has it (a system check says which has not:
    adminkit.admin_scale.check_every_admin)."""

    def _history_object(self, request, object_id: str, version_id: str | None = None):
        """The current object (or, once deleted, its last version) if the user may see it."""
        history = self.model.history
        pk_field = self.model._meta.pk
        try:
            object_id = pk_field.to_python(unquote(object_id))
            version_id = None if version_id is None else int(version_id)
        except (ValueError, TypeError, ValidationError) as bad:
            raise Http404 from bad
        if version_id is not None:
            record = history.filter(**{pk_field.attname: object_id, "history_id": version_id})
            version = record.first()
            if version is None or not _visible_to(version.instance, request.user):
                raise Http404
        obj = self.get_queryset(request).filter(pk=object_id).first()
        if obj is None:
            if self.model._default_manager.filter(pk=object_id).exists():
                raise Http404  # exists, but not for this user
            last = history.filter(**{pk_field.attname: object_id}).order_by("-history_date").first()
            if last is None or not _visible_to(last.instance, request.user):
                raise Http404
            obj = last.instance
        return obj

    def history_view(self, request, object_id, extra_context=None):
        self._history_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self._history_object(request, object_id, version_id)
        if not self.has_change_permission(request, obj):
            if request.method == "POST":
                raise PermissionDenied
            request.clara_read_only_history = True
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return WithholdingContextHelper(self.model, historical_record, user=request.user)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "clara_read_only_history", False):
            return type(form.__name__, (form,), {"__init__": _disable_all_fields})
        return form

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.has_change_permission(request, obj)


class ClaraTranslationTabularInline(TranslationTabularInline, TabularInline):
    """An inline with French and English fields side by side, in the admin's theme."""


class VersionedAdmin(
    KnownChoicesAdminMixin, ScaledListMixin, PartialDateAdminMixin, UnfoldModelAdmin
):
    """An admin of the project's records without history (ClaraAdmin for those with it):
    optimistic locking (the version the form was loaded at travels hidden with it), partial
    dates, bounded lists."""

    list_per_page = 50
    form = ClaraAdminForm
    # A new record's slug, left empty, is made from these fields (after which it is shown).
    slug_from: tuple[str, ...] = ()

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if self.slug_from:
            form.slug_from = self.slug_from  # a class made for this request
        if issubclass(form, DuplicateWarningForm):
            form.find_duplicates = self.duplicates_with_links
            form.name_fields = self.slug_from
        return form

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        """A field of several choices (a partnership's countries) stays a multiple select, with
        search (the theme would make it a single select, the first country chosen)."""
        if getattr(db_field, "multiple", False) and "widget" not in kwargs:
            kwargs["widget"] = UnfoldAdminSelect2MultipleWidget()
            kwargs.setdefault("choices", db_field.get_choices(include_blank=False))
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def likely_duplicates(self, cleaned: dict, exclude_pk):
        """Records the one being saved may duplicate (a bounded queryset)."""
        return self.model._default_manager.none()

    def duplicates_with_links(self, cleaned: dict, exclude_pk) -> list[tuple[str, str]]:
        label = getattr(self, "autocomplete_label", str)
        info = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change"
        found = self.likely_duplicates(cleaned, exclude_pk)
        return [(label(obj), reverse(info, args=[obj.pk])) for obj in found]

    def slug_after_name(self, fields: list) -> list:
        if not self.slug_from or self.fieldsets or "slug" not in fields:
            return fields
        fields = [f for f in fields if f != "slug"]
        sources = {*self.slug_from, *localized(*self.slug_from)}
        after = max((i for i, name in enumerate(fields) if name in sources), default=-1)
        return [*fields[: after + 1], "slug", *fields[after + 1 :]]

    def get_fieldsets(self, request, obj=None):
        """The version the form was loaded at travels (hidden) with the form of a change."""

        def without_version(fields):
            hidden = {"loaded_version", "save_anyway"}
            return self.slug_after_name([f for f in fields if f not in hidden])

        fieldsets = [
            (name, {**options, "fields": without_version(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        may_save = (
            self.has_add_permission(request)
            if obj is None
            else self.has_change_permission(request, obj)
        )
        if issubclass(self.form, DuplicateWarningForm) and fieldsets and may_save:
            (name, options), *rest = fieldsets
            fieldsets = [(name, {**options, "fields": [*options["fields"], "save_anyway"]}), *rest]
        if obj is None or not issubclass(self.form, ClaraAdminForm):
            return fieldsets
        if not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "loaded_version"]}), *rest]


class ClaraAdmin(VersionedAdmin, GuardedHistoryMixin, SimpleHistoryAdmin):
    """The base of every admin of the project's records with history: VersionedAdmin, and
    history pages with their guard."""

    history_list_per_page = 25


class ClaraModelAdmin(ClaraAdmin, TranslationAdmin):
    """French and English fields side by side, a missing-translation marker and filter, history
    (ClaraAdmin)."""

    def get_list_display(self, request):
        fields = list(super().get_list_display(request))
        if translated_fields(self.model):
            fields.append("translation_status")
        return fields

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if translated_fields(self.model):
            filters.append(TranslationMissingFilter)
        return filters

    @admin.display(description=_("Translations"))
    def translation_status(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return format_html(
                '<span class="translation-ok" title="{}">FR · EN</span>', _("Complete")
            )
        return format_html_join(
            " ",
            '<span class="translation-missing" title="{}">{} ✗</span>',
            ((_("Translation missing"), language.upper()) for language in missing),
        )


class PublicationAdminMixin:
    """Records that stay off the public site until staff publish them (`is_public`): a
    Publish / Unpublish button on the change page, with a preview of the public page before,
    and the same as list actions; all through core.services.set_published."""

    change_form_template = "admin/clara_publication_change_form.html"

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/publication/",
                self.admin_site.admin_view(self.publication_view),
                name=f"{info}_publication",
            ),
            *super().get_urls(),
        ]

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.actions = [*(self.actions or []), publish_selected, unpublish_selected]

    def publication_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        self.publish(request, [obj], published=request.POST.get("published") == "1")
        return redirect(
            reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
            )
        )

    def publish(self, request, records, *, published: bool) -> None:
        done = 0
        for record in records:
            try:
                record = set_published(record=record, published=published)
            except ValidationError as refused:
                self.message_user(
                    request, f"{record}: {' '.join(refused.messages)}", messages.ERROR
                )
                continue
            self.log_change(request, record, _("Published") if published else _("Unpublished"))
            done += 1
        if done:
            message = (
                _("%(count)s record(s) published: shown on the public site.")
                if published
                else _("%(count)s record(s) unpublished: only staff can see them.")
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    def model_change_form_template(self) -> str:
        """The change form Django would use for this model (its own override, if any)."""
        app, model = self.opts.app_label, self.opts.model_name
        for name in [f"admin/{app}/{model}/change_form.html", f"admin/{app}/change_form.html"]:
            try:
                get_template(name)
            except TemplateDoesNotExist:
                continue
            return name
        return "admin/change_form.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        parent = super().change_form_template or self.model_change_form_template()
        if obj is not None and obj.pk is not None:
            info = f"{self.opts.app_label}_{self.opts.model_name}"
            context["publication_url"] = reverse(
                f"{self.admin_site.name}:{info}_publication", args=[obj.pk]
            )
            context["may_publish"] = self.has_change_permission(request, obj)
            context["publish_action"] = {"variant": "primary"}  # the theme's primary button
        context["publication_parent_template"] = parent
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.action(description=_("Publish: show on the public site"), permissions=["change"])
def publish_selected(modeladmin, request, queryset):
    modeladmin.publish(request, queryset, published=True)


@admin.action(description=_("Unpublish: take off the public site"), permissions=["change"])
def unpublish_selected(modeladmin, request, queryset):
    modeladmin.publish(request, queryset, published=False)


class ClaraImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("The file is %(size)s; files of up to %(limit)s can be imported.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        return upload


class ClaraImportExportAdmin(ImportExportMixin, ClaraModelAdmin):
    """Import (dry-run preview, row-by-row errors, all or nothing) and export in CSV and XLSX.

    Files are bounded (size, rows, unpacked size), read in UTF-8 or Windows-1252, and written
    with formulas neutralised (adminkit.spreadsheets).
    """

    formats = [SafeCSV, SafeXLSX]
    import_form_class = ClaraImportForm
    export_form_class = SelectableFieldsExportForm

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("jobs/<int:pk>/", self.admin_site.admin_view(self.job_view), name=f"{info}_job"),
            path(
                "import/template.<str:extension>",
                self.admin_site.admin_view(self.import_template_view),
                name=f"{info}_import_template",
            ),
            path(
                "jobs/<int:pk>/file/",
                self.admin_site.admin_view(self.job_file_view),
                name=f"{info}_job_file",
            ),
            *super().get_urls(),
        ]

    def pending_upload(self, name: str, input_format):
        """The uploaded file waiting for confirmation (read as bytes: the format decodes it)."""
        return self.get_tmp_storage_class()(
            name=name, encoding=None, read_mode=input_format.get_read_mode()
        )

    def process_import(self, request, **kwargs):
        """A confirmed file of more than IMPORT_BACKGROUND_ROWS rows goes to the task worker."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            return super().process_import(request, **kwargs)
        data = confirm_form.cleaned_data
        input_format = self.get_import_formats()[int(data["format"])]()
        pending = self.pending_upload(data["import_file_name"], input_format)
        content = pending.read()
        if content is None:
            self.message_user(
                request, _("The file waited too long: upload it again."), messages.ERROR
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        rows = len(input_format.create_dataset(content))
        if rows <= settings.IMPORT_BACKGROUND_ROWS:
            return super().process_import(request, **kwargs)
        job = SpreadsheetJob.objects.create(
            kind=SpreadsheetJob.Kind.IMPORT,
            user=request.user,
            app_label=self.opts.app_label,
            model_name=self.opts.model_name,
            resource_index=int(data.get("resource") or 0),
            format_index=int(data["format"]),
            pending_name=data["import_file_name"],
            file_name=data["original_file_name"],
            total_rows=rows,
        )
        start_job(job=job)
        return redirect(job.get_absolute_url())

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        """An export of more than EXPORT_BACKGROUND_ROWS records is made by the task worker:
        the file is complete or the page says it failed, never cut by the server's timeout."""
        ids = list(queryset.values_list("pk", flat=True)[: settings.EXPORT_MAX_ROWS + 1])
        if len(ids) <= settings.EXPORT_BACKGROUND_ROWS:
            return super()._do_file_export(file_format, request, queryset, export_form)
        if len(ids) > settings.EXPORT_MAX_ROWS:
            self.message_user(
                request,
                _("At most %(limit)s records can be exported at once: filter the list first.")
                % {"limit": settings.EXPORT_MAX_ROWS},
                messages.ERROR,
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        formats = [type(f) for f in (cls() for cls in self.get_export_formats())]
        job = SpreadsheetJob.objects.create(
            kind=SpreadsheetJob.Kind.EXPORT,
            user=request.user,
            app_label=self.opts.app_label,
            model_name=self.opts.model_name,
            resource_index=self.get_resource_index(export_form),
            format_index=formats.index(type(file_format)),
            fields=self.get_export_resource_fields_from_form(export_form) or [],
            record_ids=ids,
            file_name=self.get_export_filename(request, queryset, file_format),
            total_rows=len(ids),
        )
        start_job(job=job)
        return redirect(job.get_absolute_url())

    def import_template_view(self, request, extension: str):
        """An empty file to fill in, headers in the staff member's language, with the values
        each column accepts (XLSX)."""
        if extension not in ("csv", "xlsx"):
            raise Http404
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0](user=request.user)
        content = import_template(resource.template_columns(), as_csv=extension == "csv")
        response = HttpResponse(
            content,
            content_type="text/csv; charset=utf-8"
            if extension == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = slugify(str(self.opts.verbose_name_plural))
        response["Content-Disposition"] = f'attachment; filename="{name}-template.{extension}"'
        return response

    def _own_job(self, request, pk: int) -> SpreadsheetJob:
        job = get_object_or_404(
            SpreadsheetJob, pk=pk, app_label=self.opts.app_label, model_name=self.opts.model_name
        )
        if job.user_id != request.user.pk:
            raise PermissionDenied  # an export holds what its author may see, no more
        return job

    def job_view(self, request, pk: int):
        job = self._own_job(request, pk)
        done = cache.get(job.progress_key, 0)
        return TemplateResponse(
            request,
            "admin/spreadsheet_job.html",
            {
                **self.admin_site.each_context(request),
                "title": (
                    _("Import of %(file)s")
                    if job.kind == SpreadsheetJob.Kind.IMPORT
                    else _("Export of %(file)s")
                )
                % {"file": job.file_name},
                "opts": self.opts,
                "job": job,
                "rows_done": min(done, job.total_rows),
            },
        )

    def job_file_view(self, request, pk: int):
        job = self._own_job(request, pk)
        if job.status != SpreadsheetJob.Status.DONE or not job.result:
            raise Http404
        response = FileResponse(job.result.open("rb"), as_attachment=True, filename=job.file_name)
        response["Cache-Control"] = "private, no-store"
        return response

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        upload = getattr(context.get("form"), "cleaned_data", {}).get("import_file")
        if upload is not None and not context.get("confirm_form"):
            name = getattr(upload, "tmp_storage_name", None)
            if name:
                self.get_tmp_storage_class()(name=name).remove()
        return response

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, ImportRefused):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {**super().get_import_resource_kwargs(request, **kwargs), "user": request.user}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {**super().get_export_resource_kwargs(request, **kwargs), "user": request.user}
