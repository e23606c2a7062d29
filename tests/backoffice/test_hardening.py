"""The audit's low findings: each one a behaviour a user or an operator can observe."""

import re
import stat
from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.views.defaults import server_error

from alerts.models import CalendarToken
from backoffice.roles import AGREEMENTS_MANAGER
from mobility.models import MobilityExchange
from partnerships.models import AgreementDocument
from people.services import erase_person
from tests.factories import AgreementFactory, MobilityExchangeFactory, PersonFactory
from tests.helpers import whole_sitemap

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/people/%00/", 404),
        ("/calendar/staff/%00.ics", 404),
        ("/en/collaborations/%00/", 404),
        ("/en/search/?q=%00", 400),
        ("/api/institutions/?q=a%00b", 400),
    ],
)
def test_a_nul_character_is_refused_not_a_server_error(client, url, status):
    assert client.get(url).status_code == status


def test_erasure_scrubs_the_name_from_log_entries_of_related_records(django_user_model):
    person = PersonFactory(first_name="Zoé", last_name="Quintard")
    mobility = MobilityExchangeFactory(person=person)
    user = django_user_model.objects.create_user("clerk")
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(MobilityExchange),
        object_id=str(mobility.pk),
        object_repr=str(mobility),
        action_flag=CHANGE,
        change_message="Visit of Zoé Quintard moved",
    )
    erase_person(person=person)
    entry = LogEntry.objects.get()
    assert "Quintard" not in entry.object_repr + entry.change_message
    assert entry.object_repr.startswith("[erased] →")


def test_deleting_a_document_deletes_its_file_which_only_the_server_group_reads(
    django_capture_on_commit_callbacks,
):
    document = AgreementDocument(agreement=AgreementFactory(reference="WIS-9"), title="Copy")
    document.file.save("signed.pdf", ContentFile(PDF), save=True)
    path = Path(document.file.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()


@pytest.mark.parametrize("reference", ["../../etc", "a/b", "CLARA 2018", "-x", "x\\y"])
def test_agreement_references_have_no_path_characters(reference):
    agreement = AgreementFactory.build(reference=reference, slug="x")
    with pytest.raises(ValidationError) as refused:
        agreement.full_clean(exclude=["partnership"])
    assert "reference" in refused.value.message_dict


def test_agreement_references_of_the_dataset_are_accepted():
    for reference in ["CRCL-SCI-2013", "ARA-WIS-CLARA", "CLARA-ONCOPOLE-2018", "A.1_b"]:
        AgreementFactory.build(reference=reference, slug="x").clean_fields(exclude=["partnership"])


def test_responsible_autocomplete_for_agreements_managers_lists_active_staff(
    role_client, make_staff, django_user_model
):
    make_staff(None, "active-officer")
    django_user_model.objects.create_user("gone-officer", is_staff=True, is_active=False)
    django_user_model.objects.create_user("researcher-account", is_staff=False)
    response = role_client(AGREEMENTS_MANAGER).get(
        "/admin/autocomplete/",
        {
            "app_label": "partnerships",
            "model_name": "agreement",
            "field_name": "responsible",
            "term": "",
        },
    )
    assert response.status_code == 200
    names = {item["text"] for item in response.json()["results"]}
    assert "active-officer" in names
    assert not names & {"gone-officer", "researcher-account"}


def test_user_pages_stay_closed_to_agreements_managers(role_client):
    assert role_client(AGREEMENTS_MANAGER).get("/admin/auth/user/").status_code == 403


def test_a_password_change_revokes_the_calendar_address(client, make_staff):
    user = make_staff(AGREEMENTS_MANAGER, "calendar-user")
    token = CalendarToken.objects.create(user=user)
    old_url = token.get_absolute_url()
    assert client.get(old_url).status_code == 200
    user.set_password("another-Lyon-2027")
    user.save()
    assert client.get(old_url).status_code == 404
    client.force_login(user)
    page = client.get("/calendar/my-calendar/").content.decode()
    token.refresh_from_db()
    assert token.get_absolute_url() != old_url
    assert token.get_absolute_url() in page
    assert client.get(token.get_absolute_url()).status_code == 200


def test_search_page_varies_on_htmx(client):
    response = client.get("/en/search/", {"q": "liver"})
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/fr/nulle-part/", "Page introuvable"), ("/en/nowhere/", "Page not found")],
)
def test_not_found_page_is_branded_in_the_visitors_language(client, url, heading):
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "Cancéropôle CLARA" in page


def test_server_error_page_speaks_both_languages():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Erreur du serveur" in page
    assert "Server error" in page


def test_sitemap_x_default_points_at_a_page_not_a_redirect(client):
    sitemap = whole_sitemap(client)
    defaults = re.findall(r'hreflang="x-default" href="([^"]+)"', sitemap)
    assert defaults
    for url in defaults:
        assert url.startswith("http://testserver/fr/")
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
