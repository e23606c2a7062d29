from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils.cache import patch_vary_headers
from django.views import View
from django.views.generic import TemplateView

from core.spreadsheets import SafeWriter

from . import selectors
from .kinds import DEFAULT_KIND, KINDS


def kind_from(request) -> str:
    kind = request.GET.get("type", DEFAULT_KIND)
    return kind if kind in KINDS else DEFAULT_KIND


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
        page = Paginator(found.results, self.paginate_by).get_page(self.request.GET.get("page"))
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
            facets=selectors.facet_counts(kind, found.results),
            query_string=params.urlencode(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        if not context["filters_valid"]:
            response_kwargs["status"] = 400
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, ["HX-Request"])  # a fragment or the page, same address
        return response


class Echo:
    def write(self, value):
        return value


class SearchExportView(View):
    """The current results as CSV, public fields only; same filters as the page."""

    def get(self, request):
        kind = kind_from(request)
        search_kind = KINDS[kind]
        found = selectors.search(kind=kind, params=request.GET)
        writer = SafeWriter(Echo())

        def rows():
            yield writer.writerow(search_kind.csv_headers)
            if found.valid:
                for obj in found.results.iterator(chunk_size=500):
                    url = request.build_absolute_uri(obj.get_absolute_url())
                    yield writer.writerow(search_kind.csv_row(obj, url))

        response = StreamingHttpResponse(
            rows(), content_type="text/csv; charset=utf-8", status=200 if found.valid else 400
        )
        response["Content-Disposition"] = f'attachment; filename="clara-{kind}.csv"'
        return response
