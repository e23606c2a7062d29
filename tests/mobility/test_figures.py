import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import InstitutionFactory, MobilityExchangeFactory, PartnershipFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def mobilities():
    shanghai = PartnershipFactory(name_en="CLARA International Shanghai")
    quebec = PartnershipFactory(name_en="Quebec partnership")
    renji = InstitutionFactory(country="CN")
    mcgill = InstitutionFactory(country="CA")
    lyon = InstitutionFactory(country="FR")
    MobilityExchangeFactory(
        partnership=shanghai,
        host_institution=renji,
        category="researcher",
        person__last_name="Secretname",
        person__is_public=False,
        planned_start=D(2012, 2, 20),
        planned_end=D(2012, 6, 19),
    )
    MobilityExchangeFactory(
        partnership=shanghai,
        host_institution=renji,
        category="phd",
        planned_start=D(2013, 1, 1),
        planned_end=D(2013, 7, 1),
    )
    MobilityExchangeFactory(
        partnership=quebec,
        direction="incoming",
        home_institution=mcgill,
        host_institution=lyon,
        category="master",
        planned_start=D(2019, 1, 1),
        planned_end=D(2019, 4, 1),
    )
    MobilityExchangeFactory(
        partnership=quebec,
        status="cancelled",
        planned_start=D(2019, 1, 1),
        planned_end=D(2019, 2, 1),
    )


def test_figures_page_shows_aggregates_and_no_names(client, mobilities):
    html = client.get("/en/mobility/figures/").content.decode()
    assert '<th scope="row">China</th><td>2</td>' in html
    assert '<th scope="row">Canada</th><td>1</td>' in html
    assert '<th scope="row">CLARA International Shanghai</th><td>2</td>' in html
    assert '<th scope="row">Incoming (to the region)</th><td>1</td>' in html
    assert '<th scope="row">2012</th><td>3.9</td>' in html  # months abroad
    assert "Secretname" not in html
    assert html.count('class="bar"') >= 10


def test_figures_csv_has_the_same_numbers(client, mobilities):
    content = client.get("/en/mobility/figures.csv").content.decode()
    assert "country,China,2" in content
    assert "category,PhD student,1" in content
    assert "Secretname" not in content


def test_figures_query_count_is_flat(client, mobilities):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/mobility/figures/")
        return len(queries)

    before = count()
    for _ in range(20):
        MobilityExchangeFactory()
    assert count() == before


def test_chart_shows_the_first_rows_and_the_table_all(client):
    codes = [
        "CN",
        "CA",
        "IL",
        "IT",
        "CH",
        "DE",
        "ES",
        "SN",
        "JP",
        "US",
        "BR",
        "IN",
        "GB",
        "BE",
        "NL",
        "SE",
        "PL",
        "PT",
    ]
    partnership = PartnershipFactory()
    for code in codes:
        MobilityExchangeFactory(
            partnership=partnership, host_institution=InstitutionFactory(country=code)
        )
    html = client.get("/en/mobility/figures/").content.decode()
    section = html[html.index('id="figure-country"') : html.index('id="figure-category"')]
    assert section.count('class="bar"') == 15
    assert section.count('<th scope="row">') == len(codes)


def test_chart_bars_are_placed_one_row_apart_and_sized_by_value(client):
    partnership = PartnershipFactory()
    for code, count in (("CN", 4), ("CA", 3), ("IL", 1)):
        for _ in range(count):
            MobilityExchangeFactory(
                partnership=partnership, host_institution=InstitutionFactory(country=code)
            )
    html = client.get("/en/mobility/figures/").content.decode()
    section = html[html.index('id="figure-country"') : html.index('id="figure-category"')]
    offsets = re.findall(r'<g transform="translate\(0,([^)]*)\)">', section)
    widths = re.findall(r'<rect x="230" y="1" height="7" width="([^"]*)"', section)
    assert offsets == ["0", "10", "20"]
    assert widths == ["300", "225", "75"]
    assert 'viewBox="0 0 600 30"' in section
