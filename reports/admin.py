from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraAdminForm, ClaraModelAdmin, VersionedAdmin
from adminkit.admin_scale import AutocompleteListFilter
from core.languages import in_default_language, localized

from .models import PartnershipNarrative, ReportDefinition, ReportEdition, Section


class ReportDefinitionForm(ClaraAdminForm):
    sections = forms.TypedMultipleChoiceField(
        label=_("sections"),
        choices=Section.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The figures the report holds, in this order."),
    )

    class Meta:
        model = ReportDefinition
        fields = "__all__"

    def clean_sections(self):
        chosen = self.cleaned_data["sections"]
        return [value for value in Section.values if value in chosen]


@admin.register(ReportDefinition)
class ReportDefinitionAdmin(ClaraModelAdmin):
    form = ReportDefinitionForm
    list_display = ["name", "funder_name", "period_kind", "sections_shown"]
    search_fields = [*localized("name"), "funder_name", "slug"]
    autocomplete_fields = ["partnership", "theme", "funder"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    slug_from = ("name",)

    @admin.display(description=_("sections"))
    def sections_shown(self, obj):
        labels = dict(Section.choices)
        return ", ".join(str(labels.get(s, s)) for s in obj.sections)


@admin.register(ReportEdition)
class ReportEditionAdmin(VersionedAdmin):
    """Editions are generated on the reports page and never change: read-only here."""

    list_display = ["definition", "number", "period_start", "period_end", "generated_at", "opened"]
    list_select_related = ["definition"]
    list_filter = [("definition", AutocompleteListFilter)]
    search_fields = [*localized("definition__name"), "content_hash"]
    fields = [
        "definition",
        "number",
        "period_start",
        "period_end",
        "in_force_on",
        "generated_at",
        "generated_by",
        "includes_confidential",
        "content_hash",
        "opened",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("edition"))
    def opened(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("reports:edition", args=[obj.pk]), _("Open")
        )


@admin.register(PartnershipNarrative)
class PartnershipNarrativeAdmin(ClaraModelAdmin):
    list_display = ["partnership", "year", "updated_at"]
    list_select_related = ["partnership"]
    list_filter = ["year", ("partnership", AutocompleteListFilter)]
    search_fields = [*localized("partnership__name"), *localized("highlights")]
    autocomplete_fields = ["partnership"]
