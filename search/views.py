from django.conf import settings
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views import View
from django.views.generic import TemplateView
from django_countries import countries

from thesaurus import explanations

from . import exports, selectors
from .kinds import DEFAULT_KIND, KINDS
from .models import SearchExport
from .suggestions import SUGGESTIONS


def kind_from(request) -> str:
    kind = request.GET.get("type", DEFAULT_KIND)
    return kind if kind in KINDS else DEFAULT_KIND


def paginate(found: selectors.SearchResult, number, per_page: int):
    """A page of the ranked candidates; their number is known, no COUNT query is run."""
    paginator = Paginator(found.results, per_page)
    paginator.count = found.count
    return paginator.get_page(number)


class SearchView(TemplateView):
    """Partner search; for htmx requests only the results fragment (a template partial)."""

    template_name = "search/search.html"
    paginate_by = 20

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return [f"{self.template_name}#results"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        kind = kind_from(self.request)
        found = selectors.search(kind=kind, params=self.request.GET)
        page = paginate(found, self.request.GET.get("page"), self.paginate_by)
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            kind=kind,
            kinds=[(key, search_kind.label) for key, search_kind in KINDS.items()],
            result_template=KINDS[kind].result_template,
            query=self.request.GET.get("q", ""),
            keywords=found.query,  # with what the thesaurus added (why a result matched)
            thesaurus_lines=explanations.summary(found.expansion),
            country_asked=countries.name(found.country) if found.country else "",
            filterset=found.filterset,
            filters_valid=found.valid,
            query_errors=found.query_errors,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            results=page.object_list,
            result_count=found.count,
            count_capped=found.capped,
            facets=selectors.facet_counts(kind, found),
            elsewhere=(
                selectors.elsewhere(kind=kind, query=found.query)
                if found.query.strip() and not found.count
                else []
            ),
            query_string=params.urlencode(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        if not context["filters_valid"]:
            response_kwargs["status"] = 400
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, ["HX-Request"])  # a fragment or the page, same address
        return response


class SuggestionsView(View):
    """A few public records whose name contains what was typed: the options of a filter with
    thousands of choices (team leader, collaboration), as HTML <option>s for a <datalist>."""

    def get(self, request, field: str):
        suggest = SUGGESTIONS.get(field)
        if suggest is None:
            return HttpResponse(status=404)
        text = request.GET.get(field, "") or request.GET.get("q", "")
        return TemplateResponse(
            request, "search/suggestions.html", {"options": suggest(text[:100])}
        )


class SearchExportView(View):
    """Every match as CSV, public fields only; same filters as the page.

    The keys of every match are read first (one query), then the rows in chunks by key,
    streamed (bounded memory, well within the server's timeout): at most
    SEARCH_EXPORT_MAX_ROWS rows. A broader search is not streamed: the page offers to prepare
    the file in the background (search/exports.py), or, beyond
    SEARCH_EXPORT_BACKGROUND_MAX_ROWS, says why it cannot be exported (HTTP 413). Either way
    nothing partial is sent."""

    def get(self, request):
        if not exports.stream_allowed(request):
            return export_refusal(request, exports.Refusal(exports.STREAM_RATE, 429))
        kind = kind_from(request)
        found = selectors.search(kind=kind, params=request.GET)
        if found.query_errors:
            refusal = exports.Refusal(exports.INVALID, 400, errors=found.query_errors)
            return export_refusal(request, refusal)
        limit = settings.SEARCH_EXPORT_MAX_ROWS
        # Up to the hard cap in the same query: above the limit, the page says how many.
        cap = settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS
        keys = selectors.export_keys(found, max(cap, limit)) if found.valid else []
        if len(keys) > limit:
            return self.too_large(request, kind, len(keys))
        lines = exports.csv_lines(kind, keys, exports.base_url(request))
        response = StreamingHttpResponse(
            lines, content_type="text/csv; charset=utf-8", status=200 if found.valid else 400
        )
        response["Content-Disposition"] = f'attachment; filename="clara-{kind}.csv"'
        return response

    def too_large(self, request, kind: str, rows: int):
        cap = settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS
        context = {
            "limit": settings.SEARCH_EXPORT_MAX_ROWS,
            "cap": cap,
            "rows": rows,
            "kind": kind,
            "query_string": request.GET.urlencode(),
            "keep_hours": settings.SEARCH_EXPORT_KEEP_HOURS,
        }
        if rows > cap:
            return export_refusal(request, exports.Refusal(exports.TOO_MANY, 413), context)
        response = TemplateResponse(request, "search/export_offer.html", context)
        add_never_cache_headers(response)
        return response


def export_refusal(request, refusal, context=None):
    context = {
        "limit": settings.SEARCH_EXPORT_MAX_ROWS,
        "cap": settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS,
        "query_string": request.GET.urlencode(),
        **(context or {}),
        "reason": refusal.reason,
        "errors": refusal.errors,
    }
    response = TemplateResponse(
        request, "search/export_too_large.html", context, status=refusal.status
    )
    if refusal.status in {429, 503}:
        response["Retry-After"] = "60" if refusal.reason == exports.STREAM_RATE else "600"
    add_never_cache_headers(response)
    return response


class SearchExportQueueView(View):
    """POST: queue the background export of the search in the address, then its page."""

    http_method_names = ["post"]

    def post(self, request):
        outcome = exports.queue_export(request, kind=kind_from(request))
        if isinstance(outcome, exports.Refusal):
            return export_refusal(request, outcome)
        return HttpResponseRedirect(outcome.get_absolute_url(), status=303)


def _export_or_404(token: str) -> SearchExport:
    return get_object_or_404(SearchExport, token=token)


class SearchExportStatusView(View):
    """The export's page, reached by its token only: being prepared (with progress, polled by
    htmx, or refreshed without JavaScript), ready (the link), failed or expired (why)."""

    template_name = "search/export_status.html"

    def get(self, request, token: str):
        export = _export_or_404(token)
        template = self.template_name
        if request.headers.get("HX-Request"):
            template = f"{template}#status"
        context = {
            "export": export,
            "rows_done": min(export.rows_written, export.total_rows),
            "failed": export.status == export.Status.FAILED or export.stalled,
            "expired": export.expired,
            "kind_label": KINDS[export.kind].label if export.kind in KINDS else export.kind,
            "keep_hours": settings.SEARCH_EXPORT_KEEP_HOURS,
            "cap": settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS,
        }
        response = TemplateResponse(
            request, template, context, status=410 if export.expired else 200
        )
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
        patch_vary_headers(response, ["HX-Request"])
        return response


class SearchExportFileView(View):
    """The finished file, from private storage, while it has not expired."""

    def get(self, request, token: str, filename: str):
        export = _export_or_404(token)
        if (
            export.status != export.Status.DONE
            or not export.file
            or export.expired
            or filename != export.file_name
        ):
            raise Http404
        try:
            handle = export.file.open("rb")
        except FileNotFoundError:  # e.g. a database restored without this day's exports
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=export.file_name,
            content_type="text/csv; charset=utf-8",
        )
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
        return response
