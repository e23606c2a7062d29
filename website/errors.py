"""The site's not-found answer: the branded page in the visitor's language, or JSON under /api/
like the rest of the API, whatever raised it."""

from django.http import JsonResponse
from django.views.defaults import page_not_found


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)
