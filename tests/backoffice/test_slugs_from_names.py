"""A new record's URL slug, left empty, is made from its name; never a duplicate."""

import pytest

from events.models import Event
from institutions.models import Institution
from partnerships.models import Partnership
from people.models import Person
from tests.factories import PartnershipFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def add(client, url: str, values: dict):
    data = {**admin_form_data(client.get(url)), **values, "slug": ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_a_person_is_created_without_typing_a_slug(staff_client):
    add(staff_client, "/admin/people/person/add/", {"first_name": "Marie", "last_name": "Curie"})
    assert Person.objects.get(last_name="Curie").slug == "marie-curie"


def test_a_partnership_slug_is_unique(staff_client):
    PartnershipFactory(slug="cooperation-lyon-heidelberg")
    add(
        staff_client,
        "/admin/partnerships/partnership/add/",
        {
            "name_fr": "Coopération Lyon-Heidelberg",
            "name_en": "Lyon-Heidelberg cooperation",
            "kind": Partnership.Kind.NETWORK,
            "status": Partnership.Status.ACTIVE,
            "start_precision": "day",
            "end_precision": "day",
        },
    )
    created = Partnership.objects.get(name_en="Lyon-Heidelberg cooperation")
    assert created.slug == "cooperation-lyon-heidelberg-2"
    assert not created.is_public


def test_an_event_and_an_institution_get_slugs(staff_client):
    add(
        staff_client,
        "/admin/events/event/add/",
        {
            "title_fr": "Symposium de Lyon",
            "title_en": "Lyon symposium",
            "kind": Event.Kind.SYMPOSIUM,
            "date_precision": "day",
        },
    )
    assert Event.objects.get(title_en="Lyon symposium").slug == "symposium-de-lyon"
    add(
        staff_client,
        "/admin/institutions/institution/add/",
        {
            "name_fr": "Université de Heidelberg",
            "name_en": "Heidelberg University",
            "kind": Institution.Kind.UNIVERSITY,
            "network_role": Institution.NetworkRole.FOREIGN_PARTNER,
            "country": "DE",
            "source": Institution.Source.CLARA,
        },
    )
    assert Institution.objects.get(name_en="Heidelberg University").slug == (
        "universite-de-heidelberg"
    )


def test_the_slug_field_comes_after_the_name(staff_client):
    page = staff_client.get("/admin/people/person/add/").content.decode()
    assert page.index('name="last_name"') < page.index('name="slug"')
