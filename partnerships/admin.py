from functools import partial

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import Http404
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.admin import TabularInline

from adminkit.admin import (
    ClaraAdmin,
    ClaraAdminForm,
    ClaraImportExportAdmin,
    ClaraModelAdmin,
    ClaraTranslationTabularInline,
    DuplicateWarningForm,
    PublicationAdminMixin,
    VersionedAdmin,
    VersionedInlineMixin,
)
from adminkit.admin_scale import AutocompleteListFilter, BoundedInlineMixin
from adminkit.kept_uploads import KeepUploadsAdminMixin, KeptFileInput
from core.languages import in_default_language, localized
from core.paging import count_of
from sources.admin import SourceLinkInline

from . import selectors
from .admin_actions import move_to_next_status, renew, renewal_view
from .models import (
    Agreement,
    AgreementCommitment,
    AgreementDocument,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
    can_see_confidential,
)
from .resources import AgreementResource
from .selectors import renewal_notes


class AgreementVisibilityMixin:
    """Foreign keys to an agreement offer, accept and display only agreements the user may see.

    When the record already points at an agreement the user may not see, the field is replaced
    by a read-only placeholder: the link is kept on save and its title is never shown.
    """

    agreement_fields: tuple[str, ...] = ("agreement",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Agreement:
            kwargs["queryset"] = Agreement.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _withheld(self, request, obj) -> set[str]:
        if obj is None or can_see_confidential(request.user):
            return set()
        return {
            name
            for name in self.agreement_fields
            if getattr(obj, f"{obj._meta.get_field(name).attname}") is not None
            and not getattr(obj, name).is_visible_to(request.user)
        }

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        withheld = self._withheld(request, obj)
        if not withheld:
            return fieldsets

        def swap(field):
            if isinstance(field, (list, tuple)):
                return type(field)(swap(f) for f in field)
            return "withheld_agreement" if field in withheld else field

        return [
            (name, {**options, "fields": [swap(f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._withheld(request, obj):
            readonly.append("withheld_agreement")
        return readonly

    @admin.display(description=_("agreement"))
    def withheld_agreement(self, obj):
        return _("Confidential agreement (withheld)")


class PartnershipMemberInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = PartnershipMember
    autocomplete_fields = ["institution"]
    extra = 0


class KeyFigureInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = KeyFigure
    fields = [
        "position",
        "value",
        "is_minimum",
        "unit",
        "label",
        "period_start",
        "period_end",
        "period_is_approximate",
        "source",
    ]
    extra = 0


class MobilityInline(VersionedInlineMixin, TabularInline):
    # mobility sits above partnerships: its model is reached through the relation, not imported.
    model = Partnership._meta.get_field("mobilities").related_model
    fields = [
        "person",
        "category",
        "direction",
        "home_institution",
        "host_institution",
        "planned_start",
        "planned_end",
        "status",
    ]
    autocomplete_fields = ["person", "home_institution", "host_institution"]
    max_rows = 5
    show_change_link = True
    extra = 0


class EventInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    # events sits above partnerships: its model is reached through the relation, not imported.
    model = Partnership._meta.get_field("events").related_model
    fields = [
        "title",
        "slug",
        "kind",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "is_public",
    ]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    partial_dates = {"start_date": "date_precision", "end_date": "date_precision"}
    max_rows = 5
    show_change_link = True
    extra = 0


class PartnershipAgreementInline(BoundedInlineMixin, TabularInline):
    """A partnership's agreements, read here and edited on their own pages (the first few,
    then a link to all of them); confidential ones only for those who may see them."""

    model = Agreement
    fields = ["reference", "title", "status", "signed_on", "end_date", "is_public"]
    readonly_fields = fields
    max_rows = 5
    show_change_link = True
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).order_by("-signed_on", "pk")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("partnerships.view_agreement")


@admin.register(Partnership)
class PartnershipAdmin(PublicationAdminMixin, ClaraModelAdmin):
    form = DuplicateWarningForm
    list_display = [
        "name",
        "kind",
        "status",
        "start_shown",
        "end_shown",
        "member_count",
        "is_public",
        "is_featured",
    ]
    list_filter = ["status", "kind", "is_public", "is_featured", ("themes", AutocompleteListFilter)]
    partial_dates = {"start_date": "start_precision", "end_date": "end_precision"}

    @admin.display(description=_("start"), ordering="start_date")
    def start_shown(self, obj):
        """As precise as known: "2013", "March 2018", never "Jan. 1, 2013"."""
        return obj.start_display

    @admin.display(description=_("end"), ordering="end_date")
    def end_shown(self, obj):
        return obj.end_display

    search_fields = [*localized("name"), "acronym", "slug"]
    autocomplete_fields = ["themes", "coordinators"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    date_hierarchy = "start_date"
    slug_from = ("name",)
    inlines = [
        PartnershipMemberInline,
        KeyFigureInline,
        PartnershipAgreementInline,
        MobilityInline,
        EventInline,
        SourceLinkInline,
    ]
    fieldsets = [
        (
            None,
            {"fields": ["name", "acronym", "slug", "kind", "status", "is_public", "is_featured"]},
        ),
        (
            _("Dates"),
            {"fields": [("start_date", "start_precision"), ("end_date", "end_precision")]},
        ),
        (
            _("Content"),
            {"fields": ["summary", "description", "countries", "themes", "coordinators"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(member_total=count_of(PartnershipMember, "partnership"))
        )

    def likely_duplicates(self, cleaned: dict, exclude_pk):
        return selectors.likely_duplicates(
            names=[cleaned.get(name) for name in localized("name")],
            acronym=cleaned.get("acronym") or "",
            exclude_pk=exclude_pk,
        )

    @admin.display(description=_("participating institutions"), ordering="member_total")
    def member_count(self, obj):
        return obj.member_total


class AgreementPartyInline(VersionedInlineMixin, TabularInline):
    model = AgreementParty
    fields = ["position", "institution", "signatory", "signed_on"]
    autocomplete_fields = ["institution", "signatory"]
    min_num = 1
    extra = 0


class AgreementCommitmentInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = AgreementCommitment
    fields = ["position", "kind", "description"]
    extra = 0


class PrivateFileFieldsMixin:
    """A read-only page shows the guarded download, never the file field: the admin's
    read-only file links to the file's URL, and a private file has none."""

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if self.may_change_files(request, obj) else [f for f in fields if f != "file"]

    def may_change_files(self, request, obj) -> bool:
        return self.has_change_permission(request, obj)


class AgreementDocumentInline(
    KeepUploadsAdminMixin, PrivateFileFieldsMixin, VersionedInlineMixin, TabularInline
):
    model = AgreementDocument
    fields = ["kind", "title", "file", "download", "uploaded_at", "uploaded_by"]
    readonly_fields = ["download", "uploaded_at", "uploaded_by"]
    # A private file has no public URL: never render one, offer the guarded download instead.
    formfield_overrides = {models.FileField: {"widget": KeptFileInput(attrs={"accept": ".pdf"})}}
    extra = 0

    @admin.display(description=_("download"))
    def download(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Download"))

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("partnerships.view_agreementdocument")

    def may_change_files(self, request, obj) -> bool:
        """The agreement's page is read-only, inlines included, if the agreement is."""
        parent = self.admin_site.get_model_admin(self.parent_model)
        return super().may_change_files(request, obj) and (
            parent.has_change_permission(request, obj)
            if obj is not None
            else parent.has_add_permission(request)
        )


@admin.register(Agreement)
class AgreementAdmin(PublicationAdminMixin, AgreementVisibilityMixin, ClaraImportExportAdmin):
    form = ClaraAdminForm
    resource_classes = [AgreementResource]
    list_display = [
        "reference",
        "title",
        "kind",
        "status",
        "signed_shown",
        "end_shown",
        "party_list",
        "is_confidential",
    ]

    @admin.display(description=_("signed on"), ordering="signed_on")
    def signed_shown(self, obj):
        return obj.signed_display

    @admin.display(description=_("in force until"), ordering="end_date")
    def end_shown(self, obj):
        return obj.end_display

    list_filter = [
        "status",
        "kind",
        "is_public",
        "is_confidential",
        ("partnership", AutocompleteListFilter),
    ]
    list_select_related = ["partnership"]
    partial_dates = {
        "signed_on": "signed_precision",
        "start_date": "start_precision",
        "end_date": "end_precision",
    }
    search_fields = [
        "reference",
        *localized("title"),
        *localized("parties__institution__name"),
        "parties__institution__acronym",
    ]
    autocomplete_fields = ["partnership", "successor", "themes", "responsible"]
    prepopulated_fields = {"slug": ["reference"]}
    date_hierarchy = "signed_on"
    inlines = [
        AgreementPartyInline,
        AgreementCommitmentInline,
        AgreementDocumentInline,
        SourceLinkInline,
    ]
    actions = [move_to_next_status, renew]
    readonly_fields = ["renewal_notice_shown"]
    agreement_fields = ("successor",)
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "reference",
                    "slug",
                    "title",
                    "kind",
                    "status",
                    "partnership",
                    "is_public",
                    "is_confidential",
                    "responsible",
                ]
            },
        ),
        (
            _("Dates"),
            {
                "fields": [
                    ("signed_on", "signed_precision"),
                    "signed_place",
                    ("start_date", "end_date"),
                    ("renewal_notice_days", "renewal_notice_shown"),
                    "successor",
                ]
            },
        ),
        (_("Content"), {"fields": ["summary", "themes"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("parties__institution")
        return queryset.visible_to(request.user)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        renew_page = path(
            "<path:object_id>/renew/",
            self.admin_site.admin_view(partial(renewal_view, self)),
            name=f"{info}_renew",
        )
        return [renew_page, *super().get_urls()]

    @admin.display(description=_("renewal notice due by"))
    def renewal_notice_shown(self, obj):
        return date_format(obj.renewal_notice_date) if obj.renewal_notice_date else "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The page says where the agreement stands in its renewal ("Renewal in progress").
        An agreement the user may not see is not found (404), like its history pages."""
        agreement = self.get_object(request, unquote(object_id))
        if agreement is None:
            raise Http404
        notes = renewal_notes(agreement=agreement, user=request.user)
        context = {**(extra_context or {}), "renewal_notes": notes}
        return super().change_view(request, object_id, form_url, context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return queryset.visible_to(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_see_confidential(request.user):
            readonly.append("is_confidential")
        return readonly

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if not request.user.has_perm("partnerships.view_agreementdocument"):
            inlines.remove(AgreementDocumentInline)
        return inlines

    def save_formset(self, request, form, formset, change):
        if formset.model is AgreementDocument:
            for document in formset.save(commit=False):
                if document.uploaded_by_id is None:
                    document.uploaded_by = request.user
                document.save()
            for document in formset.deleted_objects:
                document.delete()
            return
        super().save_formset(request, form, formset, change)

    @admin.display(description=_("parties"))
    def party_list(self, obj):
        parties = list(obj.parties.all())
        names = ", ".join(p.institution.acronym or p.institution.name for p in parties[:5])
        return names if len(parties) <= 5 else f"{names} (+{len(parties) - 5})"


@admin.register(AgreementDocument)
class AgreementDocumentAdmin(KeepUploadsAdminMixin, PrivateFileFieldsMixin, VersionedAdmin):
    list_display = ["title", "agreement", "kind", "uploaded_at", "uploaded_by", "download"]
    fields = ["agreement", "kind", "title", "file", "download", "uploaded_at", "uploaded_by"]
    readonly_fields = AgreementDocumentInline.readonly_fields
    list_filter = ["kind"]
    list_select_related = ["agreement", "uploaded_by"]
    search_fields = ["title", "agreement__reference", *localized("agreement__title")]
    autocomplete_fields = ["agreement"]
    date_hierarchy = "uploaded_at"
    formfield_overrides = AgreementDocumentInline.formfield_overrides
    download = AgreementDocumentInline.download

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":
            kwargs["queryset"] = Agreement.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(KeyFigure)
class KeyFigureAdmin(ClaraModelAdmin):
    list_display = ["label", "value", "is_minimum", "partnership", "period_start", "period_end"]
    list_select_related = ["partnership"]
    list_filter = [("partnership", AutocompleteListFilter)]
    search_fields = [*localized("label"), *localized("source")]
    autocomplete_fields = ["partnership"]
    inlines = [SourceLinkInline]


@admin.register(PartnershipMember)
class PartnershipMemberAdmin(ClaraModelAdmin):
    """Every member of a partnership, where the partnership's page shows only the first."""

    list_display = ["institution", "country", "role", "partnership", "note"]
    list_select_related = ["institution", "partnership"]
    list_filter = [("partnership", AutocompleteListFilter), "role"]
    search_fields = [*localized("institution__name"), "institution__acronym", "note"]
    autocomplete_fields = ["partnership", "institution"]

    def get_ordering(self, request):
        # One partnership's members by role and name; all of them newest first (primary key).
        if "partnership__id__exact" in request.GET:
            return ["role", "institution__name", "pk"]
        return ["-pk"]

    @admin.display(description=_("country"), ordering="institution__country")
    def country(self, obj):
        return obj.institution.country.name


@admin.register(AgreementParty)
class AgreementPartyAdmin(ClaraAdmin):
    """Every party to an agreement (the agreement's page shows the first ones): the parties of
    agreements the user may not see are not listed."""

    list_display = ["institution", "agreement", "position", "signatory", "signed_on"]
    list_select_related = ["institution", "agreement", "signatory"]
    list_filter = [("agreement", AutocompleteListFilter)]
    search_fields = [*localized("institution__name"), "institution__acronym"]
    autocomplete_fields = ["agreement", "institution", "signatory"]

    def get_ordering(self, request):
        return ["position", "pk"] if "agreement__id__exact" in request.GET else ["-pk"]

    def get_queryset(self, request):
        visible = Agreement.objects.visible_to(request.user)
        return super().get_queryset(request).filter(agreement__in=visible)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":
            kwargs["queryset"] = Agreement.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
