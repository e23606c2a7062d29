"""Admin building blocks shared by every app: languages side by side, history, import/export."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .translation_status import missing_languages, missing_translation_q, translated_fields


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


class ClaraModelAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """French and English fields side by side, a missing-translation marker and filter, history."""

    list_per_page = 50

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


class ClaraImportExportAdmin(ImportExportMixin, ClaraModelAdmin):
    """Import (dry-run preview, row-by-row errors, all or nothing) and export in CSV and XLSX."""
