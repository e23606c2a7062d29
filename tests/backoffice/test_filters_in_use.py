"""List filters with many choices (countries) offer only the values in use."""

import pytest

from tests.factories import EventFactory, InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def country_choices(client, url: str, title: str) -> list[str]:
    response = client.get(url)
    spec = next(s for s in response.context["cl"].filter_specs if str(s.title) == title)
    return [c["display"] for c in spec.choices(response.context["cl"])][1:]


def test_institutions_filter_by_the_countries_they_are_in(staff_client):
    InstitutionFactory(country="DE")
    InstitutionFactory(country="IL")
    InstitutionFactory(country="DE")
    assert country_choices(staff_client, "/admin/institutions/institution/", "pays") == [
        "Allemagne",
        "Israël",
    ]
    response = staff_client.get("/admin/institutions/institution/?country__exact=IL")
    assert response.context["cl"].result_count == 1


def test_events_and_people_too(staff_client):
    EventFactory(country="JP")
    PersonFactory(affiliation=InstitutionFactory(country="CN"))
    assert country_choices(staff_client, "/admin/events/event/", "pays") == ["Japon"]
    choices = country_choices(staff_client, "/admin/people/person/", "pays")
    assert choices == ["Chine"]
