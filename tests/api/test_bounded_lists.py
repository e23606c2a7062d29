"""API list pages cost the same queries whatever their number of records and sources."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sources.models import Source, SourceLink
from tests import factories as f

pytestmark = pytest.mark.django_db

_n = itertools.count()


def cited(record):
    source = Source.objects.create(key=f"press-{next(_n)}", title=f"Press release {record.pk}")
    SourceLink.objects.create(source=source, record=record)
    return record


def grow(size: int) -> None:
    for _ in range(size):
        partnership = cited(f.PartnershipFactory())
        cited(f.AgreementFactory(partnership=partnership))
        cited(f.EventFactory(partnership=partnership))


def queries(client, url: str) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url)
    assert answer.status_code == 200
    return len(captured), answer.json()


@pytest.mark.parametrize("url", ["/api/collaborations/", "/api/agreements/", "/api/events/"])
def test_a_list_page_with_its_sources_costs_the_same_queries_at_two_sizes(client, url):
    grow(2)
    few, small = queries(client, url)
    assert len(small["results"]) == 2
    grow(10)
    many, large = queries(client, url)
    assert few == many
    assert len(large["results"]) == 12
    assert all(row["sources"][0]["title"].startswith("Press release") for row in large["results"])


def network(members: int, **kwargs):
    partnership = f.PartnershipFactory(**kwargs)
    f.PartnershipMemberFactory(partnership=partnership, role="coordinator")
    for _ in range(members - 1):
        f.PartnershipMemberFactory(partnership=partnership)
    return partnership


def multilateral(parties: int, **kwargs):
    agreement = f.AgreementFactory(**kwargs)
    for position in range(parties):
        f.AgreementPartyFactory(agreement=agreement, position=position)
    return agreement


def walk(client, url: str) -> list:
    rows = []
    while url:
        page = client.get(url).json()
        rows += page["results"]
        url = page["next"]
    return rows


def test_a_big_network_shows_its_first_members_and_lists_all_on_their_own_pages(client, settings):
    settings.API_RELATED_SHOWN = 3
    big = network(30, name_en="Big network")
    small = network(2, name_en="Small network")
    few, listed = queries(client, "/api/collaborations/?q=network")
    by_slug = {row["slug"]: row for row in listed["results"]}
    assert [len(by_slug[big.slug]["members"]), by_slug[big.slug]["members_total"]] == [3, 30]
    assert [len(by_slug[small.slug]["members"]), by_slug[small.slug]["members_total"]] == [2, 2]
    assert by_slug[big.slug]["members"][0]["role"] == "coordinator"
    record = client.get(f"/api/collaborations/{big.slug}/").json()
    assert len(record["members"]) == 3
    assert record["members_url"] == f"http://testserver/api/collaborations/{big.slug}/members/"
    everyone = walk(client, record["members_url"])
    assert len(everyone) == 30
    assert everyone[:3] == record["members"]
    assert {row["institution"] for row in everyone} == set(
        big.members.values_list("institution__slug", flat=True)
    )
    network(60, name_en="Bigger network")
    many, _ = queries(client, "/api/collaborations/?q=network")
    assert few == many


def test_a_big_agreement_shows_its_first_parties_and_lists_all_on_their_own_pages(client, settings):
    settings.API_RELATED_SHOWN = 2
    agreement = multilateral(27)
    record = client.get(f"/api/agreements/{agreement.slug}/").json()
    assert record["parties_total"] == 27
    everyone = [row["institution"] for row in walk(client, record["parties_url"])]
    assert everyone[:2] == record["parties"]
    assert everyone == list(
        agreement.parties.order_by("position").values_list("institution__slug", flat=True)
    )


def test_members_and_parties_of_private_records_are_not_found(client):
    hidden = network(3, is_public=False)
    confidential = multilateral(3, is_confidential=True)
    assert client.get(f"/api/collaborations/{hidden.slug}/members/").status_code == 404
    assert client.get(f"/api/agreements/{confidential.slug}/parties/").status_code == 404
