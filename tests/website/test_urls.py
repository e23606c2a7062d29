"""The split of core kept every public address; the dead routes are gone."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_public_addresses_did_not_move():
    with translation.override("en"):
        assert reverse("website:home") == "/en/"
        assert reverse("website:map") == "/en/map/"
    assert reverse("robots") == "/robots.txt"
    assert reverse("sitemap") == "/sitemap.xml"
    assert reverse("world-map") == "/map/world.svg"
    assert reverse("events-calendar") == "/calendar/events.ics"


def test_the_unused_language_routes_are_gone(client):
    for name in ("set_language", "javascript-catalog"):
        with pytest.raises(NoReverseMatch):
            reverse(name)
    assert client.get("/jsi18n/").status_code == 404


def test_the_events_feed_is_served_by_the_site(client):
    f.EventFactory(title_en="Lyon symposium", title_fr="Symposium de Lyon")
    response = client.get("/calendar/events.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.resolver_match.func.__module__ == "website.views"


def test_json_ld_comes_from_the_models():
    institution = f.InstitutionFactory(acronym="CRCL", ror_id="01cmnjq37")
    data = institution.as_schema_org(url="https://example.org/i/")
    assert data["@type"] == "Organization"
    assert data["alternateName"] == "CRCL"
    assert data["identifier"]["value"] == "https://ror.org/01cmnjq37"
    event = f.EventFactory(city="Lyon")
    data = event.as_schema_org(url="https://example.org/e/")
    assert data["@type"] == "Event"
    assert data["location"]["address"]["addressLocality"] == "Lyon"
