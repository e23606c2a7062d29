"""The directory's autocomplete: which organisation an option is (city, country, ROR), and
what was typed first."""

import pytest

from institutions.models import Institution
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

URL = "/admin/autocomplete/"
FIELD = {
    "app_label": "partnerships",
    "model_name": "partnershipmember",
    "field_name": "institution",
}


def options(client, term: str) -> list[str]:
    response = client.get(URL, {**FIELD, "term": term})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


def test_an_option_names_city_country_and_ror(staff_client):
    InstitutionFactory(
        name_fr="Université de Heidelberg",
        name_en="Heidelberg University",
        city_fr="Heidelberg",
        city_en="Heidelberg",
        country="DE",
        ror_id="038t36y30",
    )
    InstitutionFactory(name_en="Hedelberg Lab", name_fr="Hedelberg Lab", ror_id="", city_en="")
    assert options(staff_client, "Heidelberg")[0] == (
        "Université de Heidelberg — Heidelberg, Allemagne · ROR"
    )


def test_typing_clara_offers_clara_first(staff_client):
    InstitutionFactory(
        name_fr="Abbott Vascular",
        name_en="Abbott Vascular",
        city_fr="Santa Clara",
        city_en="Santa Clara",
        country="US",
        source=Institution.Source.CLARA,
    )
    InstitutionFactory(
        name_fr="Cancéropôle Lyon Auvergne-Rhône-Alpes",
        name_en="Lyon Auvergne-Rhône-Alpes Cancer Cluster",
        acronym="CLARA",
        city_fr="Lyon",
        city_en="Lyon",
        country="FR",
        source=Institution.Source.CLARA,
    )
    first = options(staff_client, "CLARA")[0]
    assert first.startswith("Cancéropôle Lyon Auvergne-Rhône-Alpes (CLARA) — Lyon")
