"""One confidentiality rule on every back-office surface that can show an agreement.

For each role and for a confidential and a public agreement: changelist, change, history list,
history detail (GET and POST), autocomplete, the foreign-key selects that can show an agreement,
exports, imports, the GDPR export, document download and the staff calendar.
"""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from adminkit.admin import record_version
from alerts.models import CalendarToken
from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from mobility.models import MobilityExchange
from partnerships.models import Agreement, AgreementDocument
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    InstitutionFactory,
    MobilityExchangeFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SEES_CONFIDENTIAL = {VIEWER: False, EDITOR: False, AGREEMENTS_MANAGER: True}
ROLES = list(SEES_CONFIDENTIAL)


@pytest.fixture
def world():
    end = timezone.localdate() + datetime.timedelta(days=60)
    secret = AgreementFactory(
        reference="SECRET-7",
        slug="secret-7",
        title_en="Hush accord",
        title_fr="Accord chut",
        is_confidential=True,
        status=Agreement.Status.IN_FORCE,
        end_date=end,
    )
    public = AgreementFactory(
        reference="OPEN-7",
        slug="open-7",
        title_en="Open accord",
        title_fr="Accord ouvert",
        status=Agreement.Status.IN_FORCE,
        end_date=end,
        successor=secret,
    )
    signatory = PersonFactory(last_name="Signer")
    AgreementPartyFactory(agreement=secret, signatory=signatory)
    AgreementPartyFactory(agreement=public, signatory=signatory)
    mobility = MobilityExchangeFactory(agreement=secret, host_institution__slug="host-x")
    documents = {}
    for agreement in (secret, public):
        document = AgreementDocument(agreement=agreement, title=f"Copy of {agreement.reference}")
        document.file.save("signed.pdf", ContentFile(PDF), save=True)
        documents[agreement.reference] = document
    yield {
        "secret": secret,
        "public": public,
        "mobility": mobility,
        "signatory": signatory,
        "documents": documents,
    }
    for document in documents.values():
        document.file.delete(save=False)


def visible(role, agreement) -> bool:
    return not agreement.is_confidential or SEES_CONFIDENTIAL[role]


def agreement_urls(agreement):
    base = f"/admin/partnerships/agreement/{agreement.pk}/"
    version = agreement.history.earliest().history_id
    return {
        "change": base + "change/",
        "history": base + "history/",
        "version": base + f"history/{version}/",
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["secret", "public"])
def test_agreement_pages_follow_the_rule(role_client, world, role, which):
    agreement = world[which]
    client = role_client(role)
    listing = client.get("/admin/partnerships/agreement/").content.decode()
    assert (agreement.reference in listing) is visible(role, agreement)

    urls = agreement_urls(agreement)
    change = client.get(urls["change"])
    history = client.get(urls["history"])
    version = client.get(urls["version"])
    if visible(role, agreement):
        assert change.status_code == 200
        assert history.status_code == 200
        assert version.status_code == 200
        assert agreement.title_en in version.content.decode()
    else:
        assert change.status_code == 404
        assert history.status_code == 404
        assert version.status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["secret", "public"])
def test_history_revert_needs_the_change_permission(role_client, world, role, which):
    agreement = world[which]
    Agreement.objects.filter(pk=agreement.pk).update(title_en="Changed since")
    agreement.refresh_from_db()
    agreement.title_en = "Changed since"
    agreement.save()  # a second version to revert from
    urls = agreement_urls(agreement)
    response = role_client(role).post(
        urls["version"],
        {
            "reference": agreement.reference,
            "slug": agreement.slug,
            "title_fr": "Piraté",
            "title_en": "Hijacked",
            "kind": agreement.kind,
            "status": agreement.status,
            "signed_on": "2018-03-08",
            "signed_precision": "day",
            "renewal_notice_days": "",
            "loaded_version": record_version(agreement),
        },
    )
    expected = {VIEWER: 403, EDITOR: 403, AGREEMENTS_MANAGER: 302}[role]
    if not visible(role, agreement):
        expected = 404
    assert response.status_code == expected
    agreement.refresh_from_db()
    assert (agreement.title_en == "Hijacked") is (expected == 302)


def test_a_viewer_cannot_revert_a_person_into_publication(role_client):
    person = PersonFactory(last_name="Private", is_public=False, email="private@example.org")
    version = person.history.earliest().history_id
    client = role_client(VIEWER)
    url = f"/admin/people/person/{person.pk}/history/{version}/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert all(field.disabled for field in form.fields.values())
    assert 'name="_save"' not in page.content.decode()
    response = client.post(
        url,
        {
            "first_name": person.first_name,
            "last_name": "Private",
            "slug": person.slug,
            "email": "attacker@example.org",
            "is_public": "on",
        },
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert (person.is_public, person.email) == (False, "private@example.org")


def test_an_editor_can_still_revert_content(role_client):
    institution = InstitutionFactory(name_en="Before")
    institution.name_en = "After"
    institution.save()
    version = institution.history.earliest()
    client = role_client(EDITOR)
    url = f"/admin/institutions/institution/{institution.pk}/history/{version.history_id}/"
    form = client.get(url).context["adminform"].form
    assert not any(field.disabled for field in form.fields.values())
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"teams-TOTAL_FORMS": "0", "teams-INITIAL_FORMS": "0"})
    assert client.post(url, data).status_code == 302
    institution.refresh_from_db()
    assert institution.name_en == "Before"


@pytest.mark.parametrize("role", ROLES)
def test_malformed_history_addresses_are_not_found(role_client, world, role):
    client = role_client(role)
    base = f"/admin/partnerships/agreement/{world['public'].pk}/history/"
    assert client.get(base + "abc/").status_code == 404
    assert client.get("/admin/partnerships/agreement/abc/history/1/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_agreement_autocomplete(role_client, world, role):
    response = role_client(role).get(
        "/admin/autocomplete/",
        {
            "app_label": "mobility",
            "model_name": "mobilityexchange",
            "field_name": "agreement",
            "term": "accord",
        },
    )
    assert response.status_code == 200
    texts = {item["text"] for item in response.json()["results"]}
    assert "OPEN-7 – Open accord" in texts
    assert ("SECRET-7 – Hush accord" in texts) is SEES_CONFIDENTIAL[role]


@pytest.mark.parametrize("role", ROLES)
def test_mobility_form_withholds_a_confidential_agreement(role_client, world, role):
    mobility = world["mobility"]
    page = role_client(role).get(f"/admin/mobility/mobilityexchange/{mobility.pk}/change/")
    assert page.status_code == 200
    content = page.content.decode()
    assert ("Hush accord" in content) is SEES_CONFIDENTIAL[role]
    assert ("SECRET-7" in content) is SEES_CONFIDENTIAL[role]
    if not SEES_CONFIDENTIAL[role]:
        assert "Confidential agreement (withheld)" in content


def mobility_data(mobility, **changes):
    data = {
        "person": mobility.person_id,
        "category": mobility.category,
        "direction": mobility.direction,
        "home_institution": mobility.home_institution_id,
        "host_institution": mobility.host_institution_id,
        "planned_start": "2012-02-20",
        "planned_end": "2012-06-19",
        "status": mobility.status,
        # The sources inline (editors may cite sources): none added.
        "sources-sourcelink-content_type-object_id-TOTAL_FORMS": "0",
        "sources-sourcelink-content_type-object_id-INITIAL_FORMS": "0",
        "loaded_version": record_version(mobility),
    }
    data.update(changes)
    return data


def test_an_editor_cannot_point_a_mobility_at_a_confidential_agreement(role_client, world):
    mobility = MobilityExchangeFactory()
    client = role_client(EDITOR)
    url = f"/admin/mobility/mobilityexchange/{mobility.pk}/change/"
    response = client.post(url, mobility_data(mobility, agreement=world["secret"].pk))
    assert response.status_code == 200
    assert "agreement" in response.context["adminform"].form.errors
    mobility.refresh_from_db()
    assert mobility.agreement_id is None


def test_an_editor_saving_a_mobility_keeps_its_withheld_agreement(role_client, world):
    mobility = world["mobility"]
    client = role_client(EDITOR)
    url = f"/admin/mobility/mobilityexchange/{mobility.pk}/change/"
    completed = {"actual_start": "2012-02-20", "actual_end": "2012-06-19"}
    response = client.post(url, mobility_data(mobility, status="completed", **completed))
    assert response.status_code == 302
    mobility.refresh_from_db()
    assert (mobility.status, mobility.agreement_id) == ("completed", world["secret"].pk)


@pytest.mark.parametrize("role", ROLES)
def test_renewed_by_link_withheld(role_client, world, role):
    content = role_client(role).get(agreement_urls(world["public"])["change"]).content.decode()
    assert ("Hush accord" in content) is SEES_CONFIDENTIAL[role]


@pytest.mark.parametrize("role", [EDITOR, AGREEMENTS_MANAGER])
def test_mobility_export(role_client, world, role):
    response = role_client(role).post(
        "/admin/mobility/mobilityexchange/export/",
        {
            "format": "0",
            "resource": "0",
            "mobilityexchangeresource_id": "on",
            "mobilityexchangeresource_agreement": "on",
        },
    )
    assert response.status_code == 200
    assert ("SECRET-7" in response.content.decode()) is SEES_CONFIDENTIAL[role]


def import_mobility(client, reference: str):
    header = "id,person,category,direction,host_institution,planned_start,planned_end,agreement\n"
    row = f",,phd,outgoing,host-x,2024-01-01,2024-03-01,{reference}\n"
    return client.post(
        "/admin/mobility/mobilityexchange/import/",
        {
            "import_file": SimpleUploadedFile("m.csv", (header + row).encode()),
            "format": "0",
            "resource": "0",
        },
    )


def test_mobility_import_does_not_confirm_a_confidential_reference(role_client, world):
    client = role_client(EDITOR)
    secret = import_mobility(client, "SECRET-7").content.decode()
    missing = import_mobility(client, "NOPE-7").content.decode()
    assert "“SECRET-7”: no agreement is known by this key or name." in secret
    assert "“NOPE-7”: no agreement is known by this key or name." in missing
    assert MobilityExchange.objects.count() == 1


def test_mobility_import_by_a_manager_may_name_a_confidential_agreement(role_client, world):
    response = import_mobility(role_client(AGREEMENTS_MANAGER), "SECRET-7")
    assert response.context["confirm_form"] is not None


@pytest.mark.parametrize("role", ROLES)
def test_gdpr_export(role_client, world, role):
    response = role_client(role).post(
        "/admin/people/person/",
        {"action": "export_personal_data", "_selected_action": [world["signatory"].pk]},
    )
    assert response.status_code == 200
    [data] = json.loads(response.content)
    named = [signature["agreement"] for signature in data["signatures"]]
    assert "OPEN-7 – Open accord" in named
    assert ("SECRET-7 – Hush accord" in named) is SEES_CONFIDENTIAL[role]
    assert data["signatures_withheld"] == (0 if SEES_CONFIDENTIAL[role] else 1)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["secret", "public"])
def test_document_download(role_client, world, role, which):
    document = world["documents"][world[which].reference]
    response = role_client(role).get(document.get_absolute_url())
    if role != AGREEMENTS_MANAGER:
        assert response.status_code == 403  # no document permission at all
    else:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("role", ROLES)
def test_staff_calendar(role_client, make_staff, world, role, client):
    user = make_staff(role, f"cal-{role.split()[0].lower()}")
    token = CalendarToken.objects.create(user=user)
    content = client.get(token.get_absolute_url()).content.decode()
    assert "OPEN-7" in content
    assert ("SECRET-7" in content) is SEES_CONFIDENTIAL[role]


@pytest.mark.parametrize("role", [EDITOR, AGREEMENTS_MANAGER])
def test_mobility_export_made_by_the_worker(
    role_client, world, role, settings, django_capture_on_commit_callbacks
):
    from core.models import SpreadsheetJob

    settings.EXPORT_BACKGROUND_ROWS = 0
    client = role_client(role)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/mobility/mobilityexchange/export/",
            {
                "format": "0",
                "resource": "0",
                "mobilityexchangeresource_id": "on",
                "mobilityexchangeresource_agreement": "on",
            },
        )
    job = SpreadsheetJob.objects.get()
    download = client.get(f"{job.get_absolute_url()}file/")
    content = b"".join(download.streaming_content).decode("utf-8-sig")
    assert str(world["mobility"].pk) in content
    assert ("SECRET-7" in content) is SEES_CONFIDENTIAL[role]


SEES_APPLICATIONS = {VIEWER: False, EDITOR: True, AGREEMENTS_MANAGER: True}


@pytest.mark.parametrize("role", ROLES)
def test_programme_applications_and_their_pdfs(role_client, role):
    """Applications (personal data) and their PDFs: Editors and Agreements managers only; the
    admin list and the selection pages alike (tests/programmes/test_pages.py: applicants and
    reviewers)."""
    from programmes.models import Application, ApplicationDocument
    from tests.factories import UserFactory
    from tests.programmes.conftest import make_call

    call = make_call()
    application = Application.objects.create(
        call=call,
        applicant=UserFactory(),
        status=Application.Status.SUBMITTED,
        submitted_at=timezone.now(),
        reference="2027-1-00001",
    )
    document = ApplicationDocument(application=application, kind="cv")
    document.file.save("cv.pdf", ContentFile(PDF), save=True)
    client = role_client(role)
    expected = 200 if SEES_APPLICATIONS[role] else 403
    for url in (
        f"/backoffice/programmes/calls/{call.pk}/applications/",
        f"/backoffice/programmes/applications/{application.pk}/",
        f"/backoffice/programmes/documents/{document.pk}/",
    ):
        assert client.get(url).status_code == expected, url
    admin_list = client.get("/admin/programmes/application/")
    assert admin_list.status_code == (200 if SEES_APPLICATIONS[role] else 403)
    assert client.get("/admin/programmes/call/").status_code == 200
    document.file.delete(save=False)
