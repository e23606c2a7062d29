"""The API's rates come from the settings; "off" (the load benchmark) lifts them."""

import pytest

from clara.settings.base import _rate

pytestmark = pytest.mark.django_db


def test_a_client_over_its_rate_is_told_to_wait(client, settings):
    settings.API_RATE_ANONYMOUS = "3/minute"
    answers = [client.get("/api/institutions/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


def test_off_lifts_the_limit(client, settings, monkeypatch):
    monkeypatch.setenv("API_RATE_ANONYMOUS", "off")
    settings.API_RATE_ANONYMOUS = _rate("API_RATE_ANONYMOUS", "120/minute")
    assert settings.API_RATE_ANONYMOUS is None
    assert {client.get("/api/institutions/").status_code for _ in range(5)} == {200}
    monkeypatch.setenv("API_RATE_ANONYMOUS", "60/minute")
    assert _rate("API_RATE_ANONYMOUS", "120/minute") == "60/minute"
