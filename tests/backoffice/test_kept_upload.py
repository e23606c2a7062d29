"""A PDF chosen on a form refused for another field's error is kept: no need to pick it again."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from adminkit.kept_uploads import FOLDER
from backoffice.roles import AGREEMENTS_MANAGER
from core.storage import private_storage
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory, InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_folder(settings, tmp_path):
    private = settings.STORAGES["private"]
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**private, "OPTIONS": {"location": str(tmp_path), "base_url": None}},
    }


PDF = b"%PDF-1.4\n% the first file\n%%EOF\n"


def kept_token(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}-kept" value="([^"]+)"', html)
    assert match, f"no kept file for {name}"
    return match.group(1)


@pytest.fixture
def agreement_post(role_client):
    agreement = AgreementFactory(reference="KEPT-1")
    client = role_client(AGREEMENTS_MANAGER)
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_fr": agreement.title_fr,
            "title_en": agreement.title_en,
            "themes": [],
            "signed_on": "2020",
            "start_date": "2020-01-01",
            "parties-TOTAL_FORMS": "1",
            "parties-INITIAL_FORMS": "0",
            "parties-0-institution": InstitutionFactory().pk,
            "parties-0-position": "0",
            "commitments-TOTAL_FORMS": "0",
            "commitments-INITIAL_FORMS": "0",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-kind": "signed_copy",
            "documents-0-title": "Signed",
            "sources-sourcelink-content_type-object_id-TOTAL_FORMS": "0",
            "sources-sourcelink-content_type-object_id-INITIAL_FORMS": "0",
        }
    )
    return client, url, data


def test_the_inline_document_is_kept_after_another_fields_error(agreement_post):
    client, url, data = agreement_post
    refused = client.post(
        url,
        {
            **data,
            "end_date": "2019-01-01",
            "documents-0-file": SimpleUploadedFile("signed.pdf", PDF),
        },
    )
    assert refused.status_code == 200
    assert list(refused.context["adminform"].form.errors) == ["end_date"]
    html = refused.content.decode()
    assert "File kept: signed.pdf (choose another to replace it)" in html
    token = kept_token(html, "documents-0-file")

    saved = client.post(url, {**data, "end_date": "2025-01-01", "documents-0-file-kept": token})

    assert saved.status_code == 302
    document = AgreementDocument.objects.get()
    assert document.file.read() == PDF
    document.file.delete(save=False)


def test_another_user_cannot_reuse_the_token(agreement_post, make_staff):
    client, url, data = agreement_post
    refused = client.post(
        url,
        {
            **data,
            "end_date": "2019-01-01",
            "documents-0-file": SimpleUploadedFile("signed.pdf", PDF),
        },
    )
    token = kept_token(refused.content.decode(), "documents-0-file")

    client.force_login(make_staff(AGREEMENTS_MANAGER, username="someone-else"))
    response = client.post(url, {**data, "end_date": "2025-01-01", "documents-0-file-kept": token})

    assert response.status_code == 200
    assert "File kept" not in response.content.decode()
    assert not AgreementDocument.objects.exists()


def test_the_document_admin_keeps_the_file_too(role_client):
    agreement = AgreementFactory(reference="KEPT-2")
    client = role_client(AGREEMENTS_MANAGER)
    url = "/admin/partnerships/agreementdocument/add/"
    data = {"agreement": agreement.pk, "kind": "signed_copy"}
    refused = client.post(url, {**data, "title": "", "file": SimpleUploadedFile("annex.pdf", PDF)})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "File kept: annex.pdf" in html
    # The browser lets the form go without choosing the file again.
    assert "required" not in re.search(r'<input type="file" name="file"[^>]*>', html)[0]

    saved = client.post(url, {**data, "title": "Annex", "file-kept": kept_token(html, "file")})

    assert saved.status_code == 302
    document = AgreementDocument.objects.get()
    assert (document.title, document.file.read()) == ("Annex", PDF)
    document.file.delete(save=False)


def test_a_used_kept_file_is_deleted_and_old_ones_expire(
    agreement_post, django_capture_on_commit_callbacks, settings
):
    client, url, data = agreement_post
    refused = client.post(
        url,
        {**data, "end_date": "2019-01-01", "documents-0-file": SimpleUploadedFile("a.pdf", PDF)},
    )
    token = kept_token(refused.content.decode(), "documents-0-file")
    client.post(
        url,
        {**data, "end_date": "2019-02-01", "documents-0-file": SimpleUploadedFile("b.pdf", PDF)},
    )
    assert len(kept_files()) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "end_date": "2025-01-01", "documents-0-file-kept": token})
    assert len(kept_files()) == 1

    settings.KEPT_UPLOAD_KEEP_HOURS = 0
    call_command("expire_admin_exports")
    assert kept_files() == []
    AgreementDocument.objects.get().file.delete(save=False)


def kept_files() -> list[str]:
    folders = private_storage.listdir(FOLDER)[0] if private_storage.exists(FOLDER) else []
    return [f for folder in folders for f in private_storage.listdir(f"{FOLDER}/{folder}")[1]]
