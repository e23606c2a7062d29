"""The API does what its OpenAPI schema says: schemathesis, all checks, against the live server."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from tests import factories as f

ST = Path(sys.executable).with_name("st")


@pytest.fixture
def api_records():
    """One of each shape the schema must describe: with and without parents, blanks, nulls."""
    theme = f.ResearchThemeFactory(slug="oncology", name_en="Oncology")
    f.ResearchThemeFactory(slug="liver", name_en="Liver cancer", parent=theme)
    parent = f.InstitutionFactory(slug="inserm", country="FR")
    unit = f.InstitutionFactory(slug="crcl", parent=parent, country="FR")
    partnership = f.PartnershipFactory(slug="shanghai", countries=["CN"])
    partnership.themes.add(theme)
    f.PartnershipMemberFactory(partnership=partnership, institution=unit)
    agreement = f.AgreementFactory(slug="crcl-sci", reference="CRCL-SCI", partnership=partnership)
    f.AgreementPartyFactory(agreement=agreement, institution=unit)
    f.AgreementFactory(slug="loose", reference="LOOSE", partnership=None)
    f.TeamFactory(slug="team-a", institution=unit, leader=f.PersonFactory(is_public=False))
    f.PersonFactory(slug="named", is_public=True, affiliation=None)
    f.PersonFactory(slug="affiliated", is_public=True, affiliation=unit)
    f.EventFactory(slug="no-country", country="", partnership=None)
    f.EventFactory(slug="in-lyon", country="FR", partnership=partnership)


@pytest.mark.api_schema
@pytest.mark.django_db(transaction=True)
def test_the_api_matches_its_schema(live_server, api_records):
    result = subprocess.run(
        [
            str(ST),
            "run",
            f"{live_server.url}/api/schema/",
            "--checks=all",
            "--max-examples=12",
            "--seed=20261126",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:]
    assert " passed" in result.stdout


@pytest.fixture
def tight_rate(settings):
    settings.API_RATE_ANONYMOUS = "3/minute"
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_anonymous_clients_are_throttled_with_a_documented_answer(client, tight_rate):
    statuses = [client.get("/api/themes/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    answer = client.get("/api/themes/")
    assert "detail" in answer.json()
    assert int(answer["Retry-After"]) > 0


@pytest.mark.django_db
def test_unknown_related_slugs_match_nothing_and_invalid_choices_are_refused(client):
    f.InstitutionFactory(slug="somewhere", country="FR")
    assert client.get("/api/institutions/", {"theme": "no-such-theme"}).json()["count"] == 0
    refused = client.get("/api/institutions/", {"country": "ZZ"})
    assert refused.status_code == 400
    assert "country" in refused.json()
    assert client.get("/api/institutions/", {"page": "0"}).status_code == 404
