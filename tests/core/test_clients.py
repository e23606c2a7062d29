"""One reading of the client's address (core.clients), behind PROXY_COUNT proxies, for login
throttling, the API's rates, the search exports' limits and the logs."""

import ast
import logging
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.http import HttpResponse
from rest_framework.settings import api_settings

from api.throttling import ClientAddressMixin
from core.clients import client_address
from ops.logging import RequestIdFilter
from ops.middleware import ACCESS_LOG_CLIENT, RequestIdMiddleware
from tests.core.test_architecture import ROOT, project_apps

NGINX = "127.0.0.1"
PASSWORD = "pw-Lyon-2026"


def through_proxy(forwarded: str) -> dict:
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": forwarded}


def test_without_a_proxy_the_header_is_ignored(rf, settings):
    settings.PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(request) == "192.0.2.1"


def test_behind_proxies_the_address_the_outermost_proxy_saw(rf, settings):
    settings.PROXY_COUNT = 1
    assert client_address(rf.get("/", **through_proxy("198.51.100.1"))) == "198.51.100.1"
    # What the client sent itself is on the left: never read.
    spoofed = rf.get("/", **through_proxy("203.0.113.66, 198.51.100.1"))
    assert client_address(spoofed) == "198.51.100.1"
    settings.PROXY_COUNT = 2
    assert client_address(spoofed) == "203.0.113.66"


def test_a_request_that_skipped_the_proxy_or_a_junk_entry_counts_as_its_peer(rf, settings):
    settings.PROXY_COUNT = 2
    assert client_address(rf.get("/", **through_proxy("198.51.100.1"))) == NGINX
    settings.PROXY_COUNT = 1
    assert client_address(rf.get("/", REMOTE_ADDR=NGINX)) == NGINX
    assert client_address(rf.get("/", **through_proxy("1.2.3.4, not-an-address"))) == NGINX


def sign_in(client, username, password, forwarded):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
        **through_proxy(forwarded),
    )


@pytest.mark.django_db
def test_behind_the_proxy_one_guessing_client_does_not_lock_out_the_others(
    client, settings, django_user_model
):
    settings.PROXY_COUNT = 1
    django_user_model.objects.create_user("claire", password=PASSWORD, is_staff=True)
    for n in range(5):
        # Each guess with another forged address in front: still one client.
        sign_in(client, f"someone-{n}", "wrong", f"203.0.113.{n}, 198.51.100.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    assert sign_in(client, "claire", PASSWORD, "198.51.100.7").status_code == 429
    assert sign_in(client, "claire", PASSWORD, "192.0.2.10, 198.51.100.7").status_code == 429
    assert sign_in(client, "claire", PASSWORD, "198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_without_a_proxy_a_forged_header_does_not_escape_the_count(
    client, settings, django_user_model
):
    settings.PROXY_COUNT = 0
    django_user_model.objects.create_user("claire", password=PASSWORD, is_staff=True)
    for n in range(5):
        sign_in(client, f"someone-{n}", "wrong", f"203.0.113.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {NGINX}
    assert sign_in(client, "claire", PASSWORD, "198.51.100.8").status_code == 429


@pytest.mark.django_db
def test_the_api_rate_counts_the_client_not_its_forged_header(client, settings):
    settings.PROXY_COUNT = 1
    settings.API_RATE_ANONYMOUS = "3/minute"
    answers = [
        client.get("/api/institutions/", **through_proxy(f"203.0.113.{n}, 198.51.100.7"))
        for n in range(4)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    other = client.get("/api/institutions/", **through_proxy("198.51.100.8"))
    assert other.status_code == 200


def test_log_lines_and_the_access_log_name_the_client(rf, settings):
    settings.PROXY_COUNT = 1
    seen = {}

    def view(request):
        record = logging.LogRecord("clara", logging.WARNING, __file__, 1, "seen", None, None)
        RequestIdFilter().filter(record)
        seen["client"] = record.client
        return HttpResponse()

    request = rf.get("/", **through_proxy("203.0.113.66, 198.51.100.7"))
    RequestIdMiddleware(view)(request)
    assert seen["client"] == "198.51.100.7"
    assert request.META[ACCESS_LOG_CLIENT] == "198.51.100.7"
    gunicorn = Path(settings.BASE_DIR, "deploy", "gunicorn.conf.py").read_text()
    assert f"%({{{ACCESS_LOG_CLIENT}}}e)s" in gunicorn  # the access log's first field


ADDRESS_SOURCES = {"REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "X-Forwarded-For", "X-Real-IP"}


def test_nothing_but_core_clients_reads_the_address(settings):
    """Another reading (REMOTE_ADDR, the header, DRF's NUM_PROXIES) would count a client apart
    from how the others count it."""
    readers = set()
    for folder in [*project_apps(), "clara"]:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in ADDRESS_SOURCES:
                    readers.add(str(path.relative_to(ROOT)))
    assert readers == {"core/clients.py"}
    assert settings.AXES_CLIENT_IP_CALLABLE == "core.clients.client_address"
    assert "NUM_PROXIES" not in settings.REST_FRAMEWORK
    for throttle in api_settings.DEFAULT_THROTTLE_CLASSES:
        assert issubclass(throttle, ClientAddressMixin), throttle
