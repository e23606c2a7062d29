import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from alerts.models import CalendarToken
from backoffice.roles import AGREEMENTS_MANAGER, EDITOR
from tests.factories import AgreementFactory, EventFactory, MobilityExchangeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_public_events_calendar(client):
    start = timezone.localdate() - datetime.timedelta(days=60)  # in the feed's window
    EventFactory(
        title_en="Shanghai symposium",
        title_fr="Symposium de Shanghaï",
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
    )
    EventFactory(title_en="Private meeting", title_fr="Réunion privée", is_public=False)
    EventFactory(
        title_en="Month only",
        title_fr="Mois seulement",
        date_precision="month",
        start_date=start,
        end_date=None,
    )
    response = client.get("/calendar/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}" in body
    assert f"DTEND;VALUE=DATE:{start + datetime.timedelta(days=3):%Y%m%d}" in body
    assert "Réunion privée" not in body
    assert "Private meeting" not in body
    assert "Mois seulement" not in body


@pytest.mark.parametrize(("role", "sees_secret"), [(EDITOR, False), (AGREEMENTS_MANAGER, True)])
def test_staff_calendar_by_token(client, role, sees_secret):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    token = CalendarToken.objects.create(user=user)
    AgreementFactory(
        reference="OPEN-9",
        status="in_force",
        end_date=datetime.date(2027, 3, 8),
        renewal_notice_days=90,
    )
    AgreementFactory(
        reference="SECRET-9",
        status="in_force",
        is_confidential=True,
        end_date=datetime.date(2027, 5, 1),
    )
    MobilityExchangeFactory(
        planned_start=datetime.date(2027, 1, 10), planned_end=datetime.date(2027, 6, 10)
    )
    body = client.get(f"/calendar/staff/{token.token}.ics").content.decode()
    assert "Agreement ends: OPEN-9" in body
    assert "Renewal notice due: OPEN-9" in body
    assert "DTSTART;VALUE=DATE:20261208" in body  # 90 days before 8 March 2027
    assert "Mobility starts" in body
    assert ("SECRET-9" in body) is sees_secret


def test_wrong_or_revoked_token_is_a_404(client, admin_client, admin_user):
    assert client.get("/calendar/staff/not-a-token.ics").status_code == 404
    page = admin_client.get("/calendar/my-calendar/")
    old = CalendarToken.objects.get(user=admin_user).token
    assert old in page.content.decode()
    assert client.get(f"/calendar/staff/{old}.ics").status_code == 200
    admin_client.post("/calendar/my-calendar/")
    assert client.get(f"/calendar/staff/{old}.ics").status_code == 404


def test_calendar_token_page_is_staff_only(client):
    response = client.get("/calendar/my-calendar/")
    assert response.status_code == 302
