"""The back-office: uploading a CORDIS export, reviewing the participants' matches."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import EDITOR, VIEWER
from euprojects.models import OrganisationMatch, Participation, Project
from tests.factories import InstitutionFactory, OrganisationMatchFactory, ParticipationFactory

DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content or (DATA / name).read_bytes(), "text/csv")


def test_an_editor_imports_an_export_from_the_admin(client, make_staff):
    client.force_login(make_staff(EDITOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    listing = client.get("/admin/euprojects/project/").content.decode()
    assert "/admin/euprojects/project/import/" in listing
    response = client.post(
        "/admin/euprojects/project/import/",
        {"projects": upload("project.csv"), "organisations": upload("organization.csv")},
        follow=True,
    )
    assert "CORDIS import: projects 3 created" in response.content.decode()
    assert Project.objects.count() == 3
    assert Participation.objects.count() == 6


def test_a_bad_upload_names_the_row_and_writes_nothing(client, make_staff):
    client.force_login(make_staff(EDITOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    bad = (DATA / "project.csv").read_bytes().replace(b'"2016-01-01"', b'"yesterday"')
    response = client.post(
        "/admin/euprojects/project/import/",
        {"projects": upload("project.csv", bad), "organisations": upload("organization.csv")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "row 2, column “startDate”" in html
    assert "Nothing was imported" in html
    assert not Project.objects.exists()


def test_a_viewer_may_not_import(client, make_staff):
    client.force_login(make_staff(VIEWER))
    assert client.get("/admin/euprojects/project/import/").status_code == 403


def test_a_reviewer_chooses_the_institution_of_an_unmatched_organisation(client, make_staff):
    client.force_login(make_staff(EDITOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    unmatched = OrganisationMatchFactory(institution=None, confidence="0")
    participation = ParticipationFactory(
        organisation_id=unmatched.organisation_id, institution=None
    )
    chosen = InstitutionFactory(name_en="Claude Bernard University", country="FR")
    url = f"/admin/euprojects/organisationmatch/{unmatched.pk}/change/"
    form = client.get(url).context["adminform"].form
    response = client.post(
        url,
        {
            "loaded_version": form.initial["loaded_version"],
            "institution": chosen.pk,
            "_accept": "1",
        },
        follow=True,
    )
    assert "is now linked to" in response.content.decode()
    unmatched.refresh_from_db()
    participation.refresh_from_db()
    assert unmatched.status == OrganisationMatch.Status.ACCEPTED
    assert participation.institution == chosen
    assert 'name="_accept"' not in client.get(url).content.decode()


def test_accepting_without_an_institution_is_refused_with_a_message(client, make_staff):
    client.force_login(make_staff(EDITOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    unmatched = OrganisationMatchFactory(institution=None, confidence="0")
    url = f"/admin/euprojects/organisationmatch/{unmatched.pk}/change/"
    form = client.get(url).context["adminform"].form
    response = client.post(
        url, {"loaded_version": form.initial["loaded_version"], "_accept": "1"}, follow=True
    )
    assert "Choose the institution first." in response.content.decode()
    unmatched.refresh_from_db()
    assert unmatched.status == OrganisationMatch.Status.PROPOSED


def test_reject_from_the_list(client, make_staff):
    client.force_login(make_staff(EDITOR))
    match = OrganisationMatchFactory()
    client.post(
        "/admin/euprojects/organisationmatch/",
        {"action": "reject", "_selected_action": [match.pk]},
    )
    match.refresh_from_db()
    assert match.status == OrganisationMatch.Status.REJECTED
