"""A public page's query count does not grow with the data."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

pytestmark = pytest.mark.django_db


def grow(theme, partnership, institution, n: int) -> None:
    for i in range(n):
        other = f.PartnershipFactory(countries=["CN"], is_featured=True)
        other.themes.add(theme)
        member = f.InstitutionFactory(latitude=31 + i / 100, longitude=121)
        f.PartnershipMemberFactory(partnership=partnership, institution=member)
        f.PartnershipMemberFactory(partnership=other, institution=member)
        team = f.TeamFactory(institution=institution)
        team.themes.add(theme)
        f.InstitutionFactory(parent=institution)
        agreement = f.AgreementFactory(partnership=partnership)
        f.AgreementPartyFactory(agreement=agreement, institution=member)
        f.EventFactory(
            partnership=partnership, start_date=datetime.date(2019, 1, 1 + i % 28), end_date=None
        )
        f.MobilityExchangeFactory(partnership=partnership, host_institution=member)
        f.KeyFigureFactory(partnership=partnership)


@pytest.fixture
def world(db):
    theme = f.ResearchThemeFactory(slug="liver")
    partnership = f.PartnershipFactory(slug="shanghai", countries=["CN"])
    partnership.themes.add(theme)
    institution = f.InstitutionFactory(slug="renji")
    f.PartnershipMemberFactory(partnership=partnership, institution=institution)
    f.EventFactory(slug="symposium", partnership=partnership)
    return theme, partnership, institution


PAGES = [
    "/en/",
    "/en/map/",
    "/en/collaborations/",
    "/en/collaborations/?country=CN&theme=liver",
    "/en/collaborations/shanghai/",
    "/en/institutions/",
    "/en/institutions/renji/",
    "/en/themes/liver/",
    "/en/events/",
    "/en/events/symposium/",
]


def count(client, url: str) -> int:
    cache.clear()  # the work of a first visitor, not a cached aggregate's
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_are_flat(client, world):
    grow(*world, 2)
    for url in PAGES:  # warm the per-process caches (content types of the cited sources)
        count(client, url)
    few = {url: count(client, url) for url in PAGES}
    grow(*world, 25)
    many = {url: count(client, url) for url in PAGES}
    assert many == few


def test_an_agreement_page_reads_its_signatories_in_one_query(client):
    agreement = f.AgreementFactory(slug="accord")
    url = agreement.get_absolute_url()

    def add_parties(n: int) -> None:
        for i in range(n):
            signatory = f.PersonFactory(is_public=i % 3 != 0, last_name=f"Signer{i}")
            f.AgreementPartyFactory(agreement=agreement, signatory=signatory)

    add_parties(2)
    count(client, url)
    few = count(client, url)
    add_parties(9)
    many = count(client, url)
    html = client.get(url).content.decode()
    assert "Signer1" in html
    assert "Signer0" not in html  # withheld
    assert many == few
