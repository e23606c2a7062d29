"""Requests no page can answer, refused before they reach a view or the database; French
typography on every French HTML answer."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound, JsonResponse

from core.typography import typography_html


class RejectNulMiddleware:
    """A NUL character cannot be stored or looked up (PostgreSQL refuses it): such a path is not
    found, and such a query is a bad request, rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path.startswith("/api/")
        if "\x00" in request.path:
            if api:
                return JsonResponse({"detail": "Not found."}, status=404)
            return HttpResponseNotFound("Not found.")
        invalid = sorted(
            name
            for name, values in request.GET.lists()
            if "\x00" in name or any("\x00" in value for value in values)
        )
        if invalid:
            message = "A NUL character cannot be part of a value."
            if api:
                return JsonResponse({name: [message] for name in invalid}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


class FrenchTypographyMiddleware:
    """Every French HTML answer (public pages, htmx fragments, the admin) goes through the
    French typography helper once: the labels of the catalogue, the names and titles of the
    records and the text of the templates alike. Placed below the page cache, so that a cached
    page is stored already set; stored data, addresses and form values are never changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or not response.get("Content-Language", "").startswith("fr")
            or response.get("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)
        response.content = typography_html(html, "fr").encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
