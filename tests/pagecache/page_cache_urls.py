"""The site's addresses plus two pages that must never be cached (test_page_cache.py)."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from clara.urls import urlpatterns as site_urlpatterns


def with_nonce(request):
    nonce = request._csp_nonce
    return HttpResponse(f'<script nonce="{nonce}">document.title = "x";</script>')


def with_csrf_form(request):
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}"></form>')


urlpatterns = [
    path("nonce/", with_nonce),
    path("form/", with_csrf_form),
    *site_urlpatterns,
]
