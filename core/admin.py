"""Admin building blocks shared by every app: languages side by side, history, import/export."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .admin_scale import KnownChoicesAdminMixin, KnownChoicesFormMixin, ScaledListMixin
from .jobs import start_job
from .models import SpreadsheetJob
from .partial_dates import PartialDateAdminMixin, PartialDateFormMixin
from .spreadsheets import ImportRefused, SafeCSV, SafeXLSX, import_template
from .translation_status import missing_languages, missing_translation_q, translated_fields


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


class ClaraAdminForm(KnownChoicesFormMixin, PartialDateFormMixin, forms.ModelForm):
    """Optimistic locking: a save based on an older version than the database's is refused;
    partial dates (year, month or day) typed in one box; autocompletes labelled from the
    relations loaded with the record."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = latest_version(self.instance)
        self.initial["loaded_version"] = version.history_id if version else ""

    def clean(self):
        cleaned = super().clean()
        loaded = self.cleaned_data.get("loaded_version")
        if loaded and self.instance.pk:
            # Wait for a concurrent save of the same record, then compare versions.
            type(self.instance)._default_manager.select_for_update().filter(
                pk=self.instance.pk
            ).exists()
            version = latest_version(self.instance)
            if version is not None and str(version.history_id) != loaded:
                raise ValidationError(
                    _(
                        "This record was changed by %(user)s on %(date)s after you opened it. "
                        "Open it again to see their changes, then make yours and save."
                    )
                    % {
                        "user": version.history_user or _("someone"),
                        "date": date_format(localtime(version.history_date), "DATETIME_FORMAT"),
                    },
                    code="stale",
                )
        return cleaned


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


class ClaraModelAdmin(
    KnownChoicesAdminMixin,
    ScaledListMixin,
    PartialDateAdminMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """French and English fields side by side, a missing-translation marker and filter, history.

    History pages follow the change view's rules: what `get_queryset` hides is a 404 there too,
    and a revert (a POST) needs the change permission; without it the old version is read-only.
    """

    list_per_page = 50
    history_list_per_page = 25
    form = ClaraAdminForm

    def get_fieldsets(self, request, obj=None):
        """The version the form was loaded at travels (hidden) with the form of a change."""

        def without_version(fields):
            return [f for f in fields if f != "loaded_version"]

        fieldsets = [
            (name, {**options, "fields": without_version(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None or not issubclass(self.form, ClaraAdminForm):
            return fieldsets
        if not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "loaded_version"]}), *rest]

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
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "clara_read_only_history", False):
            return type(form.__name__, (form,), {"__init__": _disable_all_fields})
        return form

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.has_change_permission(request, obj)

    class Media:
        css = {"all": ["css/admin.css"]}

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
    with formulas neutralised (core.spreadsheets).
    """

    formats = [SafeCSV, SafeXLSX]
    import_form_class = ClaraImportForm

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
                    else _("Export %(file)s")
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
