from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from core.spreadsheets import SafeWriter
from core.typography import typography

from . import selectors

KINDS = [
    ("teams", _("Teams")),
    ("institutions", _("Institutions")),
    ("collaborations", _("Collaborations")),
]


def kind_from(request) -> str:
    kind = request.GET.get("type", "teams")
    return kind if kind in selectors.FILTERSETS else "teams"


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
            kinds=KINDS,
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


HEADERS = {
    "teams": [
        "team",
        "institution",
        "city",
        "country",
        "themes",
        "collaborations",
        "website",
        "url",
    ],
    "institutions": ["institution", "kind", "city", "country", "collaborations", "website", "url"],
    "collaborations": ["collaboration", "kind", "status", "countries", "summary", "url"],
}


def _collaborations(memberships) -> str:
    return "; ".join(sorted({m.partnership.name for m in memberships}))


def _row(kind: str, obj, request) -> list[str]:
    url = request.build_absolute_uri(obj.get_absolute_url())
    if kind == "teams":
        institution = obj.institution
        return [
            obj.name,
            str(institution),
            institution.city,
            institution.country.name,
            "; ".join(theme.name for theme in obj.themes.all()),
            _collaborations(institution.public_memberships),
            obj.website,
            url,
        ]
    if kind == "institutions":
        return [
            str(obj),
            obj.get_kind_display(),
            obj.city,
            obj.country.name,
            _collaborations(obj.public_memberships),
            obj.website,
            url,
        ]
    return [
        typography(obj.name),
        obj.get_kind_display(),
        obj.get_status_display() if obj.status_is_known else "",
        "; ".join(country.name for country in obj.countries),
        typography(obj.summary),
        url,
    ]


class SearchExportView(View):
    """The current results as CSV, public fields only; same filters as the page."""

    def get(self, request):
        kind = kind_from(request)
        found = selectors.search(kind=kind, params=request.GET)
        writer = SafeWriter(Echo())

        def rows():
            yield writer.writerow(HEADERS[kind])
            if found.valid:
                for obj in found.results.iterator(chunk_size=500):
                    yield writer.writerow(_row(kind, obj, request))

        response = StreamingHttpResponse(
            rows(), content_type="text/csv; charset=utf-8", status=200 if found.valid else 400
        )
        response["Content-Disposition"] = f'attachment; filename="clara-{kind}.csv"'
        return response
