import datetime
import re

import pytest

from sources.models import Source, iso_partial_date
from sources.selectors import published_without_source, sources_of
from sources.services import cite
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_every_published_record_of_the_dataset_cites_a_source(clara_dataset):
    assert published_without_source() == []


def test_a_published_record_without_source_is_listed():
    partnership = PartnershipFactory(is_public=True)
    assert partnership in published_without_source()
    source = Source.objects.create(key="doc", title="Document", language="fr")
    cite(partnership, source, locator="p. 2")
    assert partnership not in published_without_source()
    assert list(sources_of(partnership)) == [source]


def test_dates_keep_their_precision():
    day = datetime.date(2018, 11, 1)
    assert iso_partial_date(day, "year") == "2018"
    assert iso_partial_date(day, "month") == "2018-11"
    assert iso_partial_date(day, "day") == "2018-11-01"


def test_collaboration_agreement_and_event_pages_list_their_sources(client, clara_dataset):
    for url in [
        "/en/collaborations/clara-international-shanghai/",
        "/en/collaborations/agreements/clara-oncopole-quebec-2018/",
        "/en/events/clara-oncopole-matignon-2018/",
    ]:
        html = client.get(url).content.decode()
        assert ">Sources</h2>" in html, url
    html = client.get("/en/collaborations/oncopole-quebec/").content.decode()
    assert "Conclusion d&#x27;une entente" in html or "Conclusion d'une entente" in html
    assert "8 March 2018" in html or "March 8, 2018" in html
    # A locator (quotation, page) stays in the back-office.
    shanghai = client.get("/en/collaborations/clara-international-shanghai/").content.decode()
    assert "communiqué du 21 février 2012" not in shanghai


def test_the_api_exposes_sources_with_their_precision(client, clara_dataset):
    body = client.get("/api/collaborations/oncopole-quebec/").json()
    assert body["sources"][0]["date"] == "2018-03-08"
    assert body["sources"][0]["date_precision"] == "day"
    assert "locator" not in body["sources"][0]


def test_the_dashboard_lists_published_records_without_source(admin_client):
    partnership = PartnershipFactory(is_public=True, name_fr="Programme sans source")
    html = admin_client.get("/admin/").content.decode()
    assert "Programme sans source" in html
    assert f"/admin/partnerships/partnership/{partnership.pk}/change/" in html


def test_json_ld_and_admin_lists_keep_the_precision(client, admin_client, clara_dataset):
    html = client.get("/en/events/shanghai-rhone-alpes-symposium-2012/").content.decode()
    assert '"startDate": "2012"' in html
    assert "2012-01-01" not in html
    listing = admin_client.get("/admin/partnerships/partnership/").content.decode()
    assert re.search(r'<td class="[^"]*\bfield-start_shown\b[^"]*"[^>]*>\s*2013\s*</td>', listing)
    assert "1 janv. 2013" not in listing
