"""Stored addresses are URIs (no quote or angle bracket), and the API gives them as URIs."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from core.validators import validate_uri_characters
from sources.models import Source
from sources.services import cite
from tests.factories import InstitutionFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

REFUSED = [
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/<script>",
    "https://example.org/a>b",
    "https://example.org/{x}|y",
    "https://example.org/a\\b",
]


def test_every_stored_address_refuses_what_a_uri_cannot_hold():
    url_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
        and validate_uri_characters not in field.validators
        and not model._meta.label.startswith(("admin.", "auth."))
    ]
    assert url_fields == []


@pytest.mark.parametrize("url", REFUSED)
def test_a_source_address_with_characters_outside_a_uri_is_refused(url):
    source = Source(key="doc", title="Document", language="fr", url=url)
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert list(refused.value.message_dict) == ["url"]


@pytest.mark.parametrize("url", REFUSED)
def test_an_institution_website_with_characters_outside_a_uri_is_refused(url):
    institution = InstitutionFactory.build(website=url)
    with pytest.raises(ValidationError) as refused:
        institution.full_clean(exclude=["parent", "ror_successor"])
    assert "website" in refused.value.message_dict


def test_ordinary_and_international_addresses_are_accepted():
    for url in ["https://www.canceropole-clara.com/fr/?a=1&b=2#x", "https://exemple.fr/Université"]:
        Source(key="doc", title="Document", language="fr", url=url).full_clean()


def test_the_api_gives_addresses_as_uris(client):
    partnership = PartnershipFactory(is_public=True)
    # Rows stored before the check: the API still answers with a URI.
    cite(partnership, Source.objects.create(key="old", title="Old", url='https://ex.org/a"<b>'))
    body = client.get(f"/api/collaborations/{partnership.slug}/").json()
    assert body["sources"][0]["url"] == "https://ex.org/a%22%3Cb%3E"
    institution = InstitutionFactory(website="https://exemple.fr/Université")
    body = client.get(f"/api/institutions/{institution.slug}/").json()
    assert body["website"] == "https://exemple.fr/Universit%C3%A9"
