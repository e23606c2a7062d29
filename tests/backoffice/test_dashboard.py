"""The dashboard lists what needs doing: renewal notices due, agreements ending within 30, 90 and
180 days (not those whose renewal is in progress), departures and returns, proposals to review,
translations and sources."""

import datetime
import re

import pytest
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from institutions.models import RorMatch
from partnerships.services import renew_agreement
from tests.factories import AgreementFactory, InstitutionFactory, MobilityExchangeFactory

pytestmark = pytest.mark.django_db
D = datetime.timedelta


def in_force(reference: str, ends_in: int, **extra):
    today = timezone.localdate()
    return AgreementFactory(
        reference=reference,
        title_en=f"{reference} agreement",
        status="in_force",
        start_date=today - D(days=300),
        end_date=today + D(days=ends_in),
        **extra,
    )


@pytest.fixture
def deadlines():
    today = timezone.localdate()
    in_force("QC-2018", 45)
    in_force("SECRET-9", 20, is_confidential=True)
    in_force("MID-1", 150)
    in_force("LATER-1", 200)
    in_force("NOTICE-1", 100, renewal_notice_days=90)  # notify within 10 days
    in_force("OVERDUE-1", 40, renewal_notice_days=60)  # notice was due 20 days ago
    renewed = in_force("RENEWED-1", 25, renewal_notice_days=30)
    renew_agreement(
        agreement=renewed, reference="RENEWED-2", slug="renewed-2", start_date=None, end_date=None
    )
    MobilityExchangeFactory(
        person__last_name="Martin",
        host_institution__name_en="Renji Hospital",
        planned_start=today + D(days=20),
        planned_end=today + D(days=200),
    )
    MobilityExchangeFactory(
        person__last_name="Dupont",
        planned_start=today - D(days=100),
        planned_end=today + D(days=50),
    )
    MobilityExchangeFactory(
        person__last_name="Faraway",
        planned_start=today + D(days=90),
        planned_end=today + D(days=200),
    )
    InstitutionFactory(name_fr="Université Laval", name_en="")
    RorMatch.objects.create(
        institution=InstitutionFactory(name_en="Heidelberg Uni"),
        ror_id="038t36y30",
        ror_name="Heidelberg University",
        confidence="0.900",
    )


def section(page: str, title: str) -> str:
    start = page.index(title)
    ends = [i for i in (page.find("<h3>", start), page.find('<div class="module', start)) if i > 0]
    return page[start : min(ends, default=len(page))]


def test_dashboard_for_an_agreements_manager(role_client, deadlines):
    page = role_client(AGREEMENTS_MANAGER).get("/admin/").content.decode()
    within_30 = section(page, "Within 30 days")
    assert "SECRET-9" in within_30
    assert "RENEWED-1" not in within_30  # its renewal is in progress: no alert
    assert "QC-2018" in section(page, "In 31 to 90 days")
    later = section(page, "In 91 to 180 days")
    assert "MID-1" in later
    assert "NOTICE-1" in later
    ending = page[page.index("Agreements ending") : page.index("Renewals in progress")]
    assert "LATER-1" not in ending  # beyond 180 days

    notices = section(page, "Renewal notices due within 60 days")
    assert re.search(r"NOTICE-1 – NOTICE-1 agreement</a>\s*— notify by", notices)
    assert re.search(r'class="overdue".*OVERDUE-1.*notice was due', notices, re.S)
    assert "RENEWED-1" not in notices
    renew = re.search(r'href="(/admin/partnerships/agreement/\d+/renew/)"', notices)
    assert renew, "each deadline offers to renew"

    renewing = section(page, "Renewals in progress")
    assert "RENEWED-1" in renewing
    assert "renewal in progress" in renewing
    assert "RENEWED-2" in renewing

    departures = section(page, "Departures within 60 days")
    assert "Martin" in departures
    assert "Faraway" not in departures
    returns = section(page, "Returns within 60 days")
    assert "Dupont" in returns
    assert "Martin" not in returns
    assert "Heidelberg University" in section(page, "ROR proposals to review")
    assert "/admin/institutions/institution/?translation=missing" in page
    assert "Recent changes" in page


def test_dashboard_hides_confidential_agreements_from_editors(role_client, deadlines):
    page = role_client(EDITOR).get("/admin/").content.decode()
    assert "QC-2018" in page
    assert "SECRET-9" not in page
    assert "SECRET-9 agreement" not in page
    assert "/renew/" not in page  # an Editor may not create agreements


def test_a_viewer_sees_the_deadlines_without_renewing(role_client, deadlines):
    page = role_client(VIEWER).get("/admin/").content.decode()
    assert "QC-2018" in section(page, "In 31 to 90 days")
    assert "/renew/" not in page
    assert "SECRET-9" not in page


def test_a_long_list_links_to_the_rest(role_client, settings):
    settings.ADMIN_DASHBOARD_COUNT_LIMIT = 12
    for number in range(11):
        in_force(f"SOON-{number}", 10 + number)
    client = role_client(AGREEMENTS_MANAGER)
    page = client.get("/admin/").content.decode()
    within_30 = section(page, "Within 30 days")
    assert within_30.count("/renew/") == 10
    more = re.search(r'<li class="more"><a href="([^"]+)">and 1 other</a>', within_30)
    assert more
    listed = client.get(more.group(1).replace("&amp;", "&"))
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 11
