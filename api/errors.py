"""Not-found answers under /api/ are JSON like the rest of the API, whatever raised them."""

from django.http import JsonResponse
from django.views.defaults import page_not_found


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)
