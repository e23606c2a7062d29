"""Requests no page can answer: refused before they reach a view or the database."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound, JsonResponse


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
