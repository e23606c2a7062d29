"""Introduction requests in the back-office: who sees them, who do we know there, statuses and
history, bounded lists, retention, export and erasure."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from contacts.models import PartnerContact
from introductions import services
from introductions.models import IntroductionRequest
from tests import factories as f
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def make_request(**fields) -> IntroductionRequest:
    team = fields.pop("team", None) or f.TeamFactory()
    defaults = {
        "name": "Claire Martin",
        "email": "claire@example.fr",
        "language": "fr",
        "message": "A partner on liver cancer stem cells.",
        "subject": str(team),
        "consent_at": timezone.now(),
        "team": team,
        "clara_team": f.TeamFactory(),
    }
    return IntroductionRequest.objects.create(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("role", "status"), [(None, 403), (VIEWER, 403), (EDITOR, 200), (AGREEMENTS_MANAGER, 200)]
)
def test_only_roles_handling_personal_data_see_requests_and_contacts(role_client, role, status):
    request = make_request()
    client = role_client(role)
    assert client.get("/admin/introductions/introductionrequest/").status_code == status
    change = f"/admin/introductions/introductionrequest/{request.pk}/change/"
    assert client.get(change).status_code == status
    assert client.get("/admin/contacts/partnercontact/").status_code == status
    assert client.get("/admin/savedsearches/savedsearch/").status_code == status
    assert client.get("/admin/introductions/introductionrequest/add/").status_code == 403


def test_staff_see_who_we_know_there_and_close_the_request(role_client):
    request = make_request()
    institution = request.team.institution
    PartnerContact.objects.create(
        name="Li Wei",
        role="international_office",
        email="li.wei@example.cn",
        institution=institution,
    )
    PartnerContact.objects.create(name="Far Away", institution=f.InstitutionFactory())
    client = role_client(EDITOR)
    url = f"/admin/introductions/introductionrequest/{request.pk}/change/"
    page = client.get(url)
    html = page.content.decode()
    assert "Who do we know there?" in html
    assert "Li Wei" in html
    assert "li.wei@example.cn" in html
    assert "Far Away" not in html
    data = admin_form_data(page)
    data.update({"status": "introduced", "notes": "Introduced to Li Wei by e-mail."})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    request.refresh_from_db()
    assert request.status == "introduced"
    assert request.closed_at is not None
    assert request.name == "Claire Martin"  # what the researcher wrote is read-only
    assert request.history.count() == 2


def test_a_collaboration_request_shows_the_contacts_of_its_members():
    partnership = f.PartnershipFactory()
    member = f.PartnershipMemberFactory(partnership=partnership)
    PartnerContact.objects.create(name="Member contact", institution=member.institution)
    PartnerContact.objects.create(name="Programme lead", partnership=partnership)
    request = make_request(team=f.TeamFactory())
    request.team, request.partnership = None, partnership
    from introductions.selectors import contacts_for

    assert {c.name for c in contacts_for(request)} == {"Member contact", "Programme lead"}


def test_the_request_list_does_the_same_work_with_few_and_many_rows(role_client):
    client = role_client(EDITOR)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/introductions/introductionrequest/").status_code == 200
        return len(queries)

    for _ in range(2):
        make_request(assignee=f.UserFactory(is_staff=True))
    few = count()
    for _ in range(12):
        make_request(assignee=f.UserFactory(is_staff=True))
    assert count() == few


def test_retention_deletes_only_requests_closed_long_enough_ago(settings):
    settings.INTRODUCTION_RETENTION_DAYS = 730
    now = timezone.now()
    due = make_request(status="declined")
    recent = make_request(status="introduced")
    still_open = make_request(status="in_progress")
    IntroductionRequest.objects.filter(pk=due.pk).update(closed_at=now - datetime.timedelta(731))
    IntroductionRequest.objects.filter(pk=recent.pk).update(closed_at=now - datetime.timedelta(700))
    IntroductionRequest.objects.filter(pk=still_open.pk).update(
        created_at=now - datetime.timedelta(2000)
    )
    call_command("expire_introductions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(IntroductionRequest.objects.values_list("pk", flat=True)) == {
        recent.pk,
        still_open.pk,
    }
    assert not IntroductionRequest.history.filter(id=due.pk).exists()
    assert IntroductionRequest.history.filter(id=recent.pk).exists()


def test_reopening_a_request_stops_its_retention():
    request = make_request(status="declined")
    assert request.closed_at
    request.status = "in_progress"
    request.save()
    assert request.closed_at is None


def test_export_and_erasure_by_address(role_client):
    first = make_request(email="Claire@example.fr")
    make_request(email="claire@example.fr", message="A second request about lung cancer.")
    other = make_request(email="other@example.org")
    client = role_client(EDITOR)
    url = "/admin/introductions/introductionrequest/"
    response = client.post(url, {"action": "export_personal_data", "_selected_action": [first.pk]})
    rows = json.loads(response.content)
    assert len(rows) == 2
    assert {row["message"] for row in rows} >= {"A second request about lung cancer."}
    client.post(url, {"action": "erase_personal_data", "_selected_action": [first.pk]})
    assert list(IntroductionRequest.objects.values_list("pk", flat=True)) == [other.pk]
    assert IntroductionRequest.history.filter(email__iexact="claire@example.fr").count() == 0


def test_erase_service_counts_what_it_deleted():
    make_request(email="a@example.org")
    assert services.erase_addresses({"a@example.org"}) == 1
