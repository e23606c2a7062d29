import os
import tempfile

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraAdmin, VersionedAdmin
from core.languages import localized

from . import services
from .cordis import CordisError
from .models import OrganisationMatch, Participation, Project

PARTICIPANTS_SHOWN = 50


class CordisUploadForm(forms.Form):
    projects = forms.FileField(label=_("project.csv (or the export's zip)"))
    organisations = forms.FileField(label=_("organization.csv"), required=False)


@admin.register(Project)
class ProjectAdmin(VersionedAdmin):
    """EU projects as CORDIS publishes them: read-only here, written by the import."""

    list_display = ["acronym", "framework_programme", "status", "start_date", "end_date", "cordis"]
    list_filter = ["framework_programme", "status"]
    search_fields = ["acronym", "title", "cordis_id"]
    fields = [
        "cordis_id",
        "cordis",
        "acronym",
        "title",
        "status",
        "framework_programme",
        "call",
        "topic",
        "funding_scheme",
        "start_date",
        "end_date",
        "total_cost",
        "eu_contribution",
        "participants",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # from the import only

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("CORDIS"))
    def cordis(self, obj):
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.cordis_url, obj.cordis_id)

    @admin.display(description=_("participants"))
    def participants(self, obj):
        rows = obj.participations.select_related("institution").order_by("order", "pk")
        shown = list(rows[: PARTICIPANTS_SHOWN + 1])
        items = format_html_join(
            "",
            "<li>{} ({}, {}){}</li>",
            (
                (
                    p.name,
                    p.country,
                    p.get_role_display(),
                    format_html(" → {}", p.institution) if p.institution else "",
                )
                for p in shown[:PARTICIPANTS_SHOWN]
            ),
        )
        more = _("… and more") if len(shown) > PARTICIPANTS_SHOWN else ""
        return format_html("<ul>{}</ul>{}", items, more)

    def get_urls(self):
        upload = path(
            "import/",
            self.admin_site.admin_view(self.import_view),
            name="euprojects_project_import",
        )
        return [upload, *super().get_urls()]

    def import_view(self, request):
        """Upload a CORDIS export (its zip, or its two CSV files) and import it."""
        if not request.user.has_perm("euprojects.add_project"):
            raise PermissionDenied
        form = CordisUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = self._import(form.cleaned_data)
            except CordisError as error:
                form.add_error(None, _("%(error)s Nothing was imported.") % {"error": error})
            else:
                self.message_user(request, str(report), messages.SUCCESS)
                return redirect(reverse("admin:euprojects_project_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a CORDIS export"),
            "form": form,
            "opts": self.opts,
        }
        return render(request, "admin/euprojects/project/import.html", context)

    @staticmethod
    def _import(data: dict):
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for key, name in (("projects", "project"), ("organisations", "organization")):
                upload = data.get(key)
                if upload is None:
                    continue
                suffix = ".zip" if upload.name.lower().endswith(".zip") else ".csv"
                target = os.path.join(folder, f"{name}{suffix}")
                with open(target, "wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                paths.append(target)
            if len(paths) == 1 and not paths[0].endswith(".zip"):
                raise CordisError(str(_("Give organization.csv too, or the export's zip.")))
            return services.import_cordis(*paths)


@admin.register(Participation)
class ParticipationAdmin(VersionedAdmin):
    list_display = ["name", "country", "role", "project", "institution"]
    list_filter = [("institution", admin.EmptyFieldListFilter), "role"]
    list_select_related = ["project", "institution"]
    search_fields = ["name", "organisation_id", "project__acronym"]
    fields = [
        "project",
        "organisation_id",
        "name",
        "short_name",
        "country",
        "role",
        "order",
        "activity_type",
        "ec_contribution",
        "institution",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # linked by reviewing the organisation's match


@admin.register(OrganisationMatch)
class OrganisationMatchAdmin(ClaraAdmin):
    """The review list of the CORDIS import's matching: an organisation (PIC) and the
    institution proposed for it, or none found. Accept links every participation of the
    organisation (choose the institution first when none was found); reject keeps the pair
    from being proposed again."""

    list_display = [
        "name",
        "country",
        "institution",
        "confidence",
        "reasons",
        "participations",
        "status",
        "reviewed_by",
    ]
    list_filter = ["status", ("institution", admin.EmptyFieldListFilter), "country"]
    list_select_related = ["institution", "reviewed_by"]
    search_fields = ["name", "organisation_id", *localized("institution__name")]
    autocomplete_fields = ["institution"]
    readonly_fields = [
        "organisation_id",
        "name",
        "country",
        "confidence",
        "reasons",
        "status",
        "reviewed_by",
        "reviewed_at",
        "created_at",
    ]
    fields = ["organisation_id", "name", "country", "institution", *readonly_fields[3:]]
    actions = ["accept", "reject"]
    change_form_template = "admin/euprojects/organisationmatch/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_participations()

    @admin.display(description=_("participations"), ordering="participation_count")
    def participations(self, obj):
        return obj.participation_count or 0

    def has_add_permission(self, request):
        return False  # proposals come from the import

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != OrganisationMatch.Status.PROPOSED:
            return [*self.readonly_fields, "institution"]
        return self.readonly_fields

    def revert_disabled(self, request, obj=None):
        return True  # a decision is made by the services, never by restoring an old version

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and {"_accept", "_reject"} & request.POST.keys():
            return self.review_view(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_review"] = (
            obj is not None
            and obj.status == OrganisationMatch.Status.PROPOSED
            and self.has_change_permission(request, obj)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_view(self, request, object_id):
        """Accept (with the institution chosen on the page) or reject one proposal."""
        with transaction.atomic():
            match = self.get_object(request, unquote(object_id))
            if match is None:
                raise Http404
            if not self.has_change_permission(request, match):
                raise PermissionDenied
            form = self.get_form(request, match)(request.POST, instance=match)
            if not form.is_valid():
                for errors in form.errors.values():
                    for error in errors:
                        self.message_user(request, error, messages.ERROR)
            elif match.status != OrganisationMatch.Status.PROPOSED:
                self.message_user(
                    request, _("This proposal has already been reviewed."), messages.ERROR
                )
            elif "_accept" in request.POST:
                self.decide(request, match, institution=form.cleaned_data.get("institution"))
            else:
                services.reject_match(match=match, user=request.user)
                self.message_user(request, _("%(match)s rejected.") % {"match": match})
        return redirect(reverse("admin:euprojects_organisationmatch_change", args=[match.pk]))

    def decide(self, request, match, *, institution) -> None:
        try:
            services.accept_match(match=match, institution=institution, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Accepted: %(name)s is now linked to %(institution)s.")
                % {"name": match.name, "institution": match.institution},
                messages.SUCCESS,
            )

    @admin.action(
        description=_("Accept: link the organisation to this institution"), permissions=["change"]
    )
    def accept(self, request, queryset):
        for match in queryset.filter(
            status=OrganisationMatch.Status.PROPOSED, institution__isnull=False
        ):
            match.refresh_from_db()
            if match.status != OrganisationMatch.Status.PROPOSED:
                continue  # another proposal for the organisation was accepted just before
            services.accept_match(match=match, user=request.user)
            self.message_user(request, _("%(match)s accepted.") % {"match": match})

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        for match in queryset.filter(status=OrganisationMatch.Status.PROPOSED):
            services.reject_match(match=match, user=request.user)
