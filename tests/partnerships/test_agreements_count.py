"""The collaboration page says how many of its agreements it lists, in French as in English."""

import pytest

from tests.factories import AgreementFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("shown", "total", "english", "french"),
    [
        (1, 3, "The latest agreement of 3.", "Le dernier des 3 accords."),
        (2, 3, "The latest 2 of 3 agreements.", "Les 2 derniers des 3 accords."),
    ],
)
def test_the_count_of_agreements_shown(client, monkeypatch, shown, total, english, french):
    monkeypatch.setattr("partnerships.selectors.AGREEMENTS_SHOWN", shown)
    partnership = PartnershipFactory()
    for _ in range(total):
        AgreementFactory(partnership=partnership, is_public=True)
    url = partnership.get_absolute_url()
    assert english in client.get(url.replace("/fr/", "/en/", 1)).text
    french_page = client.get(url.replace("/en/", "/fr/", 1)).text
    assert french in french_page
    assert "Les 1 " not in french_page
