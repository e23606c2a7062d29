from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from adminkit.admin import (
    ClaraAdminForm,
    ClaraModelAdmin,
    ClaraTranslationTabularInline,
    VersionedAdmin,
    VersionedInlineMixin,
)
from partnerships.models import Agreement

from .models import (
    Application,
    Call,
    CareerStage,
    ChecklistItem,
    Criterion,
    DecisionTemplate,
    DocumentKind,
    Quota,
    Reviewer,
)


class CallForm(ClaraAdminForm):
    career_stages = forms.MultipleChoiceField(
        label=_("career stages"),
        choices=CareerStage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Empty: any career stage."),
    )
    required_documents = forms.MultipleChoiceField(
        label=_("documents required"),
        choices=DocumentKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CriterionInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = Criterion
    fields = ["name", "weight", "position"]
    extra = 0
    max_rows = 20


@admin.register(Call)
class CallAdmin(ClaraModelAdmin):
    form = CallForm
    list_display = ["title", "kind", "opens_at", "closes_at", "is_public", "selection"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title_fr", "title_en", "slug"]
    autocomplete_fields = ["partnerships", "clara_institutions", "reviewers"]
    prepopulated_fields = {"slug": ["title_fr"]}
    slug_from = ("title",)
    date_hierarchy = "closes_at"
    inlines = [CriterionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "text", "is_public"]}),
        (_("Dates (Paris time)"), {"fields": ["opens_at", "closes_at"]}),
        (
            _("Eligibility"),
            {
                "fields": [
                    "partnerships",
                    "countries",
                    "clara_institutions",
                    "career_stages",
                    "min_months",
                    "max_months",
                ]
            },
        ),
        (_("Budget and documents"), {"fields": ["budget", "max_award", "required_documents"]}),
        (_("Selection"), {"fields": ["reviewers"]}),
    ]

    @admin.display(description=_("selection"))
    def selection(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("programmes-staff:applications", args=[obj.pk]),
            _("Applications"),
            reverse("programmes-staff:ranking", args=[obj.pk]),
            _("Ranking"),
        )


@admin.register(Reviewer)
class ReviewerAdmin(VersionedAdmin):
    list_display = ["name", "user", "institution", "team"]
    list_select_related = ["user", "institution", "team"]
    search_fields = ["name", "user__email"]
    autocomplete_fields = ["user", "institution", "team"]


@admin.register(Application)
class ApplicationAdmin(VersionedAdmin):
    """Read here; the selection is done on the call's pages (links beside each call)."""

    list_display = ["__str__", "call", "last_name", "status", "submitted_at", "selection"]
    list_filter = ["status"]
    list_select_related = ["call"]
    search_fields = ["reference", "last_name", "first_name"]
    readonly_fields = [f.name for f in Application._meta.fields if f.name != "id"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("selection"))
    def selection(self, obj):
        if obj.status == Application.Status.DRAFT:
            return "—"
        url = reverse("programmes-staff:application", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, pgettext_lazy("link", "Open"))


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(ClaraModelAdmin):
    list_display = ["outcome", "call", "subject"]
    list_select_related = ["call"]
    list_filter = ["outcome"]
    autocomplete_fields = ["call"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(VersionedAdmin):
    list_display = ["kind", "mobility", "owner", "due_on", "done_at"]
    list_filter = ["kind", "owner"]
    list_select_related = ["mobility__person", "mobility__host_institution"]
    search_fields = ["mobility__person__last_name"]
    autocomplete_fields = ["mobility", "application"]
    date_hierarchy = "due_on"


@admin.register(Quota)
class QuotaAdmin(VersionedAdmin):
    list_display = ["agreement", "year", "direction", "places", "months"]
    list_select_related = ["agreement"]
    list_filter = ["year", "direction"]
    autocomplete_fields = ["agreement"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":  # only the agreements this staff member may see
            kwargs["queryset"] = Agreement.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        visible = Agreement.objects.visible_to(request.user)
        return super().get_queryset(request).filter(agreement__in=visible)
