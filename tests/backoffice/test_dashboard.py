import datetime

import pytest
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR
from tests.factories import AgreementFactory, InstitutionFactory, MobilityExchangeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deadlines():
    today = timezone.localdate()
    AgreementFactory(
        reference="QC-2018",
        title_en="Quebec agreement",
        status="in_force",
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=45),
    )
    AgreementFactory(
        reference="SECRET-9",
        title_en="Secret agreement",
        status="in_force",
        is_confidential=True,
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=20),
    )
    AgreementFactory(
        reference="LATER-1",
        title_en="Later agreement",
        status="in_force",
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=200),
    )
    MobilityExchangeFactory(
        person__last_name="Martin",
        host_institution__name_en="Renji Hospital",
        planned_start=today - datetime.timedelta(days=10),
        planned_end=today + datetime.timedelta(days=80),
    )
    InstitutionFactory(name_fr="Université Laval", name_en="")


def section(page: str, title: str) -> str:
    start = page.index(title)
    return page[start : page.index("</ul>", start)]


def test_dashboard_for_an_agreements_manager(role_client, deadlines):
    page = role_client(AGREEMENTS_MANAGER).get("/admin/").content.decode()
    expiring = section(page, "Agreements expiring in the next 90 days")
    assert "QC-2018" in expiring
    assert "SECRET-9" in expiring
    assert "LATER-1" not in expiring  # beyond 90 days
    assert "Martin" in section(page, "Mobilities under way")
    assert "/admin/institutions/institution/?translation=missing" in page
    assert "Recent changes" in page


def test_dashboard_hides_confidential_agreements_from_editors(role_client, deadlines):
    page = role_client(EDITOR).get("/admin/").content.decode()
    assert "QC-2018" in page
    assert "SECRET-9" not in page
    assert "Secret agreement" not in page
