from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from adminkit.admin import (
    ClaraAdmin,
    ClaraImportExportAdmin,
    ClaraTranslationTabularInline,
    DuplicateWarningForm,
    VersionedInlineMixin,
)
from adminkit.admin_scale import AutocompleteListFilter, InUseChoicesListFilter
from core.languages import in_default_language, localized
from core.paging import count_of
from core.text import fold

from . import selectors, services
from .models import Institution, RorMatch, Team
from .resolver import resolve_affiliation
from .resources import InstitutionResource, TeamResource
from .ror import ror_id_of


def _country_code(word: str) -> str:
    """“France”, “france”, “Japon” → the country's code; "" when the word names no country."""
    if len(word) < 4:
        return ""
    return countries.by_name(word, insensitive=True) or countries.by_name(
        word, insensitive=True, language="fr"
    )


class TeamInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = Team
    fields = ["name", "slug", "leader"]
    autocomplete_fields = ["leader"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    show_change_link = True
    extra = 0


def _resolved(queryset, text: str):
    """The institutions of `queryset` that the affiliation resolver finds in `text`, in its
    order (the chosen one first). Typing never waits for the resolver's index to be built:
    nothing until it is ready (built in the background, seconds for the whole ROR directory)."""
    pks = [candidate.institution_id for candidate in resolve_affiliation(text, wait=False)]
    if not pks:
        return queryset.none()
    rank = Case(*(When(pk=pk, then=position) for position, pk in enumerate(pks)))
    return queryset.filter(pk__in=pks).order_by(rank)


@admin.register(Institution)
class InstitutionAdmin(ClaraImportExportAdmin):
    form = DuplicateWarningForm
    resource_classes = [InstitutionResource]
    list_display = [
        "name",
        "acronym",
        "kind",
        "network_role",
        "city",
        "country_name",
        "parent",
        "team_count",
        "ror_link",
    ]
    list_filter = [
        "source",
        "network_role",
        "kind",
        "ror_status",
        ("country", InUseChoicesListFilter),
    ]
    list_select_related = ["parent"]
    # ror_names: every ROR name, acronym and alias (folded), so that the registry search of the
    # partner/party/host autocompletes finds directory organisations in any language.
    search_fields = [
        *localized("name"),
        "acronym",
        *localized("city"),
        "ror_id",
        "slug",
        "ror_names",
    ]
    readonly_fields = ["ror_link", "ror_facts", "ror_children"]
    actions = ["refresh_from_ror"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    slug_from = ("name",)
    inlines = [TeamInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "network_role", "parent"]}),
        (_("Location"), {"fields": ["country", "city", "latitude", "longitude"]}),
        (
            _("Identifiers and links"),
            {"fields": ["website", "ror_id", "ror_link", "wikidata_id", "founded_year"]},
        ),
        (
            _("ROR registry"),
            {"fields": ["source", "ror_status", "ror_successor", "ror_facts", "ror_children"]},
        ),
        (_("Description"), {"fields": ["description"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """The registry search: also accent-insensitive over every ROR name, acronym and alias
        (stored folded), and a word naming a country (“Lyon France”) filters by that country."""
        words = search_term.split()
        codes = {code for word in words if (code := _country_code(word))}
        if codes and len(codes) < len(words):
            queryset = queryset.filter(country__in=codes)
            words = [word for word in words if not _country_code(word)]
            search_term = " ".join(words)
        results, duplicates = super().get_search_results(request, queryset, search_term)
        folded = [fold(word) for word in words]
        if folded and folded != words:
            results = results | queryset.filter(*[Q(ror_names__contains=w) for w in folded])
        if search_term and request.path.endswith("/autocomplete/"):
            # The name or acronym typed, then names starting with it, CLARA's own first.
            name = in_default_language("name")
            exact = Q(acronym__iexact=search_term) | Q(**{f"{name}__iexact": search_term})
            prefix = Q(acronym__istartswith=search_term) | Q(
                **{f"{name}__istartswith": search_term}
            )
            results = results.order_by(
                Case(When(exact, then=0), When(prefix, then=1), default=2),
                Case(When(source=Institution.Source.CLARA, then=0), default=1),
                name,
            )
            if len(search_term) > 3 and not results.exists():
                # A pasted affiliation ("Dept. of Medicine, Univ. Claude Bernard Lyon 1,
                # France"): the organisations the resolver reads in it, best first.
                results, duplicates = _resolved(queryset, search_term), False
        return results, duplicates

    def likely_duplicates(self, cleaned: dict, exclude_pk):
        return selectors.likely_duplicates(
            names=[cleaned.get(name) for name in localized("name")],
            country=str(cleaned.get("country") or ""),
            exclude_pk=exclude_pk,
        )

    def autocomplete_label(self, obj) -> str:
        """“Heidelberg University (UHEI) — Heidelberg, Germany · ROR”: which one is meant."""
        country = obj.country.name if obj.country else ""
        place = ", ".join(part for part in (obj.city, country) if part)
        label = f"{obj} — {place}" if place else str(obj)
        return f"{label} · ROR" if obj.ror_id else label

    def save_model(self, request, obj, form, change):
        # What staff type is theirs: ROR never overwrites it again.
        if change and obj.ror_fields:
            edited = set(form.changed_data) | {name.rsplit("_", 1)[0] for name in form.changed_data}
            obj.ror_fields = [name for name in obj.ror_fields if name not in edited]
        super().save_model(request, obj, form, change)

    @admin.display(description=_("ROR"), ordering="ror_id")
    def ror_link(self, obj):
        if not obj.ror_id:
            return "—"
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.ror_url, obj.ror_id)

    @admin.display(description=_("From ROR"))
    def ror_facts(self, obj):
        if not obj.ror_fields:
            return "—"
        aliases = ", ".join(obj.ror_names_of("alias") + obj.ror_names_of("acronym")) or "—"
        ids = ", ".join(f"{k}: {v}" for k, v in sorted(obj.ror_external_ids.items())) or "—"
        return format_html(
            "{}: {}<br>{}: {}<br>{}: {}<br>{}: {}",
            _("fields filled from ROR"),
            ", ".join(obj.ror_fields),
            _("types"),
            obj.ror_types or "—",
            _("aliases and acronyms"),
            aliases,
            _("identifiers"),
            ids,
        )

    @admin.display(description=_("ROR relations"))
    def ror_children(self, obj):
        """Parents, children, successor… as ROR records them; linked when in the database."""
        if not obj.pk:
            return "—"
        relations = [
            (relation.get("type", ""), ror_id_of(relation.get("id")), relation.get("label", ""))
            for relation in (obj.ror_record or {}).get("relationships") or []
        ]
        local = dict(
            Institution.objects.filter(ror_id__in=[r[1] for r in relations if r[1]]).values_list(
                "ror_id", "pk"
            )
        )
        rows = []
        for kind, ror_id, label in sorted(relations):
            if ror_id in local:
                target = reverse("admin:institutions_institution_change", args=[local[ror_id]])
                rows.append(format_html('{}: <a href="{}">{}</a>', kind, target, label))
            else:
                rows.append(format_html("{}: {} ({}, {})", kind, label, ror_id, _("not imported")))
        units = obj.children.order_by("name")[:50]
        lines = [
            format_html(
                "{} {}",
                _("Parent:"),
                obj.parent if obj.parent_id else (obj.ror_parent or "—"),
            ),
            format_html(
                "{} {}",
                _("Units:"),
                format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (reverse("admin:institutions_institution_change", args=[c.pk]), c)
                        for c in units
                    ),
                )
                or "—",
            ),
            *rows,
        ]
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    @admin.action(description=_("Refresh from ROR (fill empty fields)"), permissions=["change"])
    def refresh_from_ror(self, request, queryset):
        done = 0
        for institution in queryset.filter(ror_record__isnull=False):
            try:
                services.refresh_from_ror(institution=institution)
                done += 1
            except services.RorLinkError as error:
                self.message_user(request, str(error), messages.ERROR)
        self.message_user(request, _("%(n)d institutions refreshed from ROR.") % {"n": done})

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(team_total=count_of(Team, "institution"))

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return obj.country.name  # not the field's display: it sorts every country per row

    @admin.display(description=_("Teams"), ordering="team_total")
    def team_count(self, obj):
        return obj.team_total


@admin.register(Team)
class TeamAdmin(ClaraImportExportAdmin):
    resource_classes = [TeamResource]
    list_display = ["name", "institution", "country", "leader"]
    list_select_related = ["institution", "leader"]
    list_filter = [
        ("institution", AutocompleteListFilter),
        "institution__country",
        ("themes", AutocompleteListFilter),
    ]
    search_fields = [
        *localized("name"),
        *localized("institution__name"),
        "institution__acronym",
        "slug",
    ]
    autocomplete_fields = ["institution", "leader", "themes"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    slug_from = ("name",)

    @admin.display(description=_("country"), ordering="institution__country")
    def country(self, obj):
        return obj.institution.country.name


@admin.register(RorMatch)
class RorMatchAdmin(ClaraAdmin):
    """The review list of match_ror's proposals: accept links the institution, reject keeps it
    from being proposed again; every decision is in the history. A proposal's fields are
    read-only: its page decides it with the Accept and Reject buttons (the services)."""

    list_display = [
        "institution",
        "ror_link",
        "ror_name",
        "ror_city",
        "ror_country",
        "confidence",
        "why",
        "status",
        "reviewed_by",
    ]
    list_filter = ["status", "ror_country"]
    list_select_related = ["institution", "reviewed_by"]
    search_fields = [*localized("institution__name"), "ror_id", "ror_name"]
    autocomplete_fields = ["institution"]
    fields = [
        "institution",
        "ror_id",
        "ror_link",
        "ror_name",
        "ror_city",
        "ror_country",
        "confidence",
        "why",
        "status",
        "reviewed_by",
        "reviewed_at",
        "created_at",
    ]
    readonly_fields = fields
    actions = ["accept", "reject"]
    change_form_template = "admin/institutions/rormatch/change_form.html"

    @admin.display(description=_("why"))
    def why(self, obj):
        return obj.reasons_text()

    def has_add_permission(self, request):
        return False  # proposals come from match_ror

    def revert_disabled(self, request, obj=None):
        return True  # a decision is made by the services, never by restoring an old version

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(description=_("ROR"), ordering="ror_id")
    def ror_link(self, obj):
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.ror_url, obj.ror_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and {"_accept", "_reject"} & request.POST.keys():
            return self.review_view(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_review"] = (
            obj is not None
            and obj.status == RorMatch.Status.PROPOSED
            and self.has_change_permission(request, obj)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_view(self, request, object_id):
        """Accept or reject one proposal from its page, at the version the page was loaded at."""
        with transaction.atomic():
            match = self.get_object(request, unquote(object_id))
            if match is None:
                raise Http404
            if not self.has_change_permission(request, match):
                raise PermissionDenied
            form = self.get_form(request, match)(request.POST, instance=match)
            if not form.is_valid():
                for error in form.non_field_errors():
                    self.message_user(request, error, messages.ERROR)
            elif match.status != RorMatch.Status.PROPOSED:
                self.message_user(
                    request, _("This proposal has already been reviewed."), messages.ERROR
                )
            elif "_accept" in request.POST:
                self.decide(request, match, accept=True)
            else:
                self.decide(request, match, accept=False)
        return redirect(reverse("admin:institutions_rormatch_change", args=[match.pk]))

    def decide(self, request, match: RorMatch, *, accept: bool) -> None:
        if not accept:
            services.reject_match(match=match, user=request.user)
            self.message_user(request, _("%(match)s rejected.") % {"match": match})
            return
        try:
            services.accept_match(match=match, user=request.user)
        except services.RorLinkError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Accepted: %(institution)s is now linked to ROR %(ror_id)s.")
                % {"institution": match.institution, "ror_id": match.ror_id},
                messages.SUCCESS,
            )

    @admin.action(
        description=_("Accept: link the institution to this ROR id"), permissions=["change"]
    )
    def accept(self, request, queryset):
        for match in queryset.filter(status=RorMatch.Status.PROPOSED).select_related("institution"):
            try:
                services.accept_match(match=match, user=request.user)
            except services.RorLinkError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, _("%(match)s accepted.") % {"match": match})

    @admin.action(description=_("Reject"), permissions=["change"])
    def reject(self, request, queryset):
        for match in queryset.filter(status=RorMatch.Status.PROPOSED):
            services.reject_match(match=match, user=request.user)
