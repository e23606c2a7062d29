"""Every reports page and download, for an anonymous visitor, staff without a role and each
staff role."""

import datetime

import pytest

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from reports.models import ReportDefinition
from reports.selectors import Period
from reports.services import generate_edition
from tests import factories as f

pytestmark = pytest.mark.django_db

QUERY = "period_kind=calendar&year=2025"


@pytest.fixture
def pages(definitions, make_staff):
    """The reports addresses (reading and writing), with an edition every role may open."""
    partnership = f.PartnershipFactory()
    f.MobilityExchangeFactory(
        partnership=partnership, planned_start=datetime.date(2025, 1, 5), planned_end=None
    )
    author = make_staff(EDITOR, "author")
    edition = generate_edition(
        definition=ReportDefinition.objects.get(slug="region-bilan-annuel"),
        period=Period.calendar_year(2025),
        user=author,
    )
    base = f"/backoffice/reports/editions/{edition.pk}"
    reading = [
        f"/backoffice/reports/?{QUERY}",
        f"/backoffice/reports/tables/mobility_detail.csv?{QUERY}",
        f"/backoffice/reports/tables/partners.xlsx?{QUERY}",
        f"{base}/",
        f"{base}/download.xlsx?lang=fr",
        f"{base}/download.html?lang=en",
        f"{base}/download.pdf?lang=fr",
    ]
    writing = {
        "/backoffice/reports/editions/generate/": {
            "edition-definition": edition.definition_id,
            "edition-period_kind": "calendar",
            "edition-year": 2025,
        },
        f"/backoffice/reports/narratives/{partnership.pk}/2025/": {"highlights_fr": "Deux."},
    }
    return reading, writing


def test_anonymous_visitors_are_sent_to_sign_in(client, pages):
    reading, writing = pages
    for url in [*reading, "/backoffice/reports/narratives/1/2025/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url
    for url, data in writing.items():
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url


@pytest.mark.parametrize(
    ("role", "reads", "writes"),
    [
        (None, False, False),
        (VIEWER, True, False),
        (EDITOR, True, True),
        (AGREEMENTS_MANAGER, True, True),
    ],
)
def test_each_role(client, make_staff, pages, role, reads, writes):
    reading, writing = pages
    client.force_login(make_staff(role))
    for url in reading:
        assert client.get(url).status_code == (200 if reads else 403), (role, url)
    for url, data in writing.items():
        response = client.post(url, data)
        assert response.status_code == (302 if writes else 403), (role, url)
        if "narratives" in url:
            assert client.get(url).status_code == (200 if writes else 403)


def test_the_sidebar_leads_to_the_reports(client, make_staff, pages):
    client.force_login(make_staff(VIEWER))
    page = client.get("/admin/").content.decode()
    assert 'href="/backoffice/reports/"' in page
