from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View

from backoffice.access import StaffRequiredMixin
from core.languages import localized
from core.typography import typography_html
from partnerships.models import Partnership

from . import exports
from .documents import pdf_from_html
from .figures import BY_KEY, FILTER_NOTE, chart_geometry, chart_legend, diff, present
from .forms import LANGUAGES, GenerateForm, NarrativeForm, ReportForm, default_report_data
from .models import PartnershipNarrative, ReportEdition, Section
from .selectors import NARRATIVES_SHOWN, compute
from .services import GENERATE_PERMISSION, generate_edition, previous_edition, save_narrative

VIEW_PERMISSION = "reports.view_reportedition"
EDITIONS_LISTED = 20
DIFF_ROWS_SHOWN = 50
EDITION_ROWS_SHOWN = 100  # per table on an edition's page; its files hold every row


def _page(request, template: str, title: str, **context):
    """A page in the back-office's theme, with its Content-Security-Policy (settings.ADMIN_CSP:
    the theme's Alpine.js and inline styles)."""
    response = render(
        request, template, {**admin.site.each_context(request), "title": title, **context}
    )
    response._csp_config = settings.ADMIN_CSP
    return response


def _with_charts(sections):
    for section in sections:
        for shown in section["tables"]:
            shown.chart = chart_geometry(shown) if shown.bars else []
            shown.legend = chart_legend(shown)
    return sections


class ReportView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """The figures of a period, filtered, as the staff member may see them; beside them the
    report definitions, their latest editions and a form to generate one."""

    permission_required = VIEW_PERMISSION

    def get(self, request):
        form = ReportForm(request.GET or default_report_data())
        figures = sections = notes = None
        if form.is_valid():
            figures = compute(
                list(Section.values),
                form.period(),
                form.filters(),
                request.user,
                narratives_limit=NARRATIVES_SHOWN,
            )
            sections, notes = present(figures)
            _with_charts(sections)
        editions = (
            ReportEdition.objects.visible_to(request.user)
            .select_related("definition", "generated_by")
            .order_by("-generated_at")[:EDITIONS_LISTED]
        )
        return _page(
            request,
            "reports/report.html",
            _("Reports"),
            form=form,
            media=form.media,
            figures=figures,
            sections=sections,
            notes=notes,
            filter_note=FILTER_NOTE,
            query=request.GET.urlencode(),
            editions=editions,
            generate_form=GenerateForm(initial=default_report_data()),
            may_generate=request.user.has_perm(GENERATE_PERMISSION),
            may_write=request.user.has_perm("reports.change_partnershipnarrative"),
            narrative_year=form.cleaned_data["year"] if form.is_valid() else None,
            narrative_partnership=form.cleaned_data.get("partnership") if form.is_valid() else None,
        )


class TableDownloadView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """One table of the report page (same period and filters) as CSV or XLSX."""

    permission_required = VIEW_PERMISSION

    def get(self, request, key: str, extension: str):
        table = BY_KEY.get(key)
        form = ReportForm(request.GET)
        if table is None or extension not in ("csv", "xlsx") or not form.is_valid():
            raise Http404
        figures = compute([table.section], form.period(), form.filters(), request.user)
        rows = figures["tables"][key]
        if extension == "csv":
            content, kind = exports.table_csv(table, rows), "text/csv; charset=utf-8"
        else:
            content, kind = exports.table_xlsx(table, rows), exports.XLSX_TYPE
        return _attachment(content, kind, f"clara-{key.replace('_', '-')}.{extension}")


def _attachment(content: bytes, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class GenerateView(StaffRequiredMixin, PermissionRequiredMixin, View):
    permission_required = GENERATE_PERMISSION

    def post(self, request):
        form = GenerateForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("The edition was not generated: %(errors)s")
                % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
            )
            return redirect("reports:report")
        edition = generate_edition(
            definition=form.cleaned_data["definition"], period=form.period(), user=request.user
        )
        messages.success(request, _("Edition %(number)s generated.") % {"number": edition.number})
        return redirect(edition)


def _edition(request, pk: int) -> ReportEdition:
    return get_object_or_404(
        ReportEdition.objects.visible_to(request.user).select_related("definition", "generated_by"),
        pk=pk,
    )


def edition_context(edition: ReportEdition, *, row_limit) -> dict:
    """What an edition shows, in the active language: its title, period and tables."""
    names = edition.definition_snapshot["names"]
    language = translation.get_language()[:2]
    title = names.get(f"name_{language}") or next(filter(None, names.values()), "")
    sections, notes = present(edition.figures, row_limit=row_limit)
    lines = [
        _("Period: %(start)s to %(end)s")
        % {"start": date_format(edition.period_start), "end": date_format(edition.period_end)},
        _("Agreements in force on %(day)s") % {"day": date_format(edition.in_force_on)},
        _("Edition %(number)s, generated on %(day)s by %(user)s")
        % {
            "number": edition.number,
            "day": date_format(timezone.localtime(edition.generated_at), "DATETIME_FORMAT"),
            "user": edition.generated_by or "—",
        },
        _("Content hash (SHA-256): %(hash)s") % {"hash": edition.content_hash},
    ]
    return {
        "edition": edition,
        "report_title": title,
        "lines": lines,
        "sections": _with_charts(sections),
        "notes": notes,
        "filter_note": FILTER_NOTE,
    }


def edition_changes(edition: ReportEdition, previous: ReportEdition | None) -> list[dict]:
    if previous is None:
        return []
    changes = []
    for key, rows in edition.figures["tables"].items():
        before = previous.figures["tables"].get(key, [])
        found = diff(BY_KEY[key], before, rows)
        if found:
            changes.append(
                {
                    "title": BY_KEY[key].title,
                    "rows": found[:DIFF_ROWS_SHOWN],
                    "more": max(0, len(found) - DIFF_ROWS_SHOWN),
                }
            )
    return changes


class EditionView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """A frozen edition, read from its stored figures, and what changed since the previous."""

    permission_required = VIEW_PERMISSION

    def get(self, request, pk: int):
        edition = _edition(request, pk)
        previous = previous_edition(edition, request.user)
        context = edition_context(edition, row_limit=EDITION_ROWS_SHOWN)
        return _page(
            request,
            "reports/edition.html",
            context["report_title"],
            previous=previous,
            changes=edition_changes(edition, previous),
            languages=LANGUAGES,
            **context,
        )


class EditionDownloadView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """An edition as XLSX, printable HTML or PDF, in French or English (?lang=)."""

    permission_required = VIEW_PERMISSION

    def get(self, request, pk: int, extension: str):
        edition = _edition(request, pk)
        language = request.GET.get("lang", translation.get_language()[:2])
        if language not in dict(LANGUAGES) or extension not in ("xlsx", "html", "pdf"):
            raise Http404
        name = f"clara-{edition.definition_snapshot['slug']}-{edition.number}-{language}"
        with translation.override(language):
            context = edition_context(edition, row_limit=None if extension == "xlsx" else 200)
            if extension == "xlsx":
                content = exports.edition_xlsx(
                    title=context["report_title"], lines=context["lines"], figures=edition.figures
                )
                return _attachment(content, exports.XLSX_TYPE, f"{name}.xlsx")
            html = render_to_string(
                "reports/print.html",
                {**context, "language": language, "logo": logo_svg()},
                request=request,
            )
        html = typography_html(html, language)
        if extension == "pdf":
            return _attachment(pdf_from_html(html), "application/pdf", f"{name}.pdf")
        response = HttpResponse(html)
        response._csp_config = settings.ADMIN_CSP  # its inline print style sheet
        response["Content-Language"] = language
        response["Cache-Control"] = "private, no-store"
        return response


class NarrativeView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """A partnership's highlights of a year, written next to the figures."""

    permission_required = (
        "reports.add_partnershipnarrative",
        "reports.change_partnershipnarrative",
    )

    def _render(self, request, partnership, year, form):
        return _page(
            request,
            "reports/narrative.html",
            _("Highlights of %(year)s: %(partnership)s")
            % {"year": year, "partnership": partnership},
            form=form,
            partnership=partnership,
            year=year,
        )

    def _existing(self, partnership, year) -> dict:
        narrative = PartnershipNarrative.objects.filter(partnership=partnership, year=year).first()
        names = localized("highlights")
        return {name: getattr(narrative, name) or "" for name in names} if narrative else {}

    @staticmethod
    def _partnership(pk: int, year: int) -> Partnership:
        if not 1990 <= year <= 2100:
            raise Http404
        return get_object_or_404(Partnership, pk=pk)

    def get(self, request, partnership: int, year: int):
        found = self._partnership(partnership, year)
        form = NarrativeForm(initial_texts=self._existing(found, year))
        return self._render(request, found, year, form)

    def post(self, request, partnership: int, year: int):
        found = self._partnership(partnership, year)
        form = NarrativeForm(request.POST)
        if not form.is_valid():
            return self._render(request, found, year, form)
        save_narrative(partnership=found, year=year, texts=form.cleaned_data, user=request.user)
        messages.success(request, _("The highlights are saved."))
        return redirect(f"{_report_url()}?period_kind=calendar&year={year}&partnership={found.pk}")


def logo_svg() -> str:
    """CLARA's mark (static/favicon.svg), inline: the PDF fetches nothing."""
    from django.contrib.staticfiles import finders
    from django.utils.safestring import mark_safe

    path = finders.find("favicon.svg")
    with open(path, encoding="utf-8") as handle:
        return mark_safe(handle.read())  # the project's own file


def _report_url() -> str:
    from django.urls import reverse

    return reverse("reports:report")
