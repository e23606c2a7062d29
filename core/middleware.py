"""Requests no page can answer: refused before they reach a view or the database."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound


class RejectNulMiddleware:
    """A NUL character cannot be stored or looked up (PostgreSQL refuses it): such a path is not
    found, and such a query is a bad request, rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound("Not found.")
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in value for values in request.GET.lists() for value in values[1]
        ):
            return HttpResponseBadRequest("The address contains a NUL character.")
        return self.get_response(request)
