"""A changelist's query count does not grow with the rows it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

pytestmark = pytest.mark.django_db


def full_agreement():
    agreement = f.AgreementFactory()
    for _ in range(3):
        f.AgreementPartyFactory(agreement=agreement)
    return agreement


def full_partnership():
    partnership = f.PartnershipFactory()
    f.PartnershipMemberFactory(partnership=partnership)
    partnership.themes.add(f.ResearchThemeFactory())
    return partnership


def full_team():
    team = f.TeamFactory(leader=f.PersonFactory())
    team.themes.add(f.ResearchThemeFactory())
    return team


CHANGELISTS = [
    ("/admin/institutions/institution/", lambda: f.TeamFactory().institution),
    ("/admin/institutions/team/", full_team),
    ("/admin/people/person/", f.PersonFactory),
    (
        "/admin/themes/researchtheme/",
        lambda: f.ResearchThemeFactory(parent=f.ResearchThemeFactory()),
    ),
    ("/admin/partnerships/partnership/", full_partnership),
    ("/admin/partnerships/agreement/", full_agreement),
    ("/admin/partnerships/keyfigure/", f.KeyFigureFactory),
    ("/admin/mobility/mobilityexchange/", f.MobilityExchangeFactory),
    ("/admin/events/event/", lambda: f.EventFactory(partnership=f.PartnershipFactory())),
]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert len(changelist.result_list) == changelist.model.objects.count()  # every row shown
    return len(queries)


@pytest.mark.parametrize(("url", "make"), CHANGELISTS)
def test_changelist_query_count_is_flat(staff_client, url, make):
    for _ in range(3):
        make()
    few = count_queries(staff_client, url)
    for _ in range(22):
        make()
    many = count_queries(staff_client, url)
    assert many == few, f"{url}: {few} queries for 3 rows, {many} for 25"
