from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.views import View
from django.views.generic import TemplateView

from core.spreadsheets import SafeWriter

from . import selectors
from .kinds import DEFAULT_KIND, KINDS
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
            filterset=found.filterset,
            filters_valid=found.valid,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            results=page.object_list,
            result_count=found.count,
            count_capped=found.capped,
            facets=selectors.facet_counts(kind, found),
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


class Echo:
    def write(self, value):
        return value


class SearchExportView(View):
    """Every match as CSV, public fields only; same filters as the page.

    The keys of every match are read first (one query), then the rows in chunks by key,
    streamed (bounded memory, well within the server's timeout): at most
    SEARCH_EXPORT_MAX_ROWS rows. A broader search is refused before anything is sent (HTTP
    413, with the reason), so that a file is always complete."""

    def get(self, request):
        kind = kind_from(request)
        search_kind = KINDS[kind]
        found = selectors.search(kind=kind, params=request.GET)
        limit = settings.SEARCH_EXPORT_MAX_ROWS
        keys = selectors.export_keys(found, limit) if found.valid else []
        if len(keys) > limit:
            return TemplateResponse(
                request,
                "search/export_too_large.html",
                {"limit": limit, "query_string": request.GET.urlencode()},
                status=413,
            )
        writer = SafeWriter(Echo())

        def rows():
            yield writer.writerow(search_kind.csv_headers)
            if found.valid:
                for obj in selectors.export_rows(kind, keys):
                    url = request.build_absolute_uri(obj.get_absolute_url())
                    yield writer.writerow(search_kind.csv_row(obj, url))

        response = StreamingHttpResponse(
            rows(), content_type="text/csv; charset=utf-8", status=200 if found.valid else 400
        )
        response["Content-Disposition"] = f'attachment; filename="clara-{kind}.csv"'
        return response
