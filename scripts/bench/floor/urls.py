from django.http import HttpResponse
from django.urls import path

HEAD = (
    "<!doctype html><html lang=fr><head><meta charset=utf-8><title>Floor</title></head><body><ul>"
)
TAIL = "</ul></body></html>"


def _page(size: int = 20 * 1024) -> bytes:
    """A valid HTML page of about `size` bytes (accented text, like CLARA's pages)."""
    rows, n = [], 0
    while len((HEAD + "".join(rows) + TAIL).encode()) < size:
        rows.append(f"<li>Institut de recherche en cancérologie – équipe {n}</li>\n")
        n += 1
    return (HEAD + "".join(rows) + TAIL).encode()


PAGE = _page()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
