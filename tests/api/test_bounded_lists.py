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
