from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def document():
    doc = AgreementDocument(agreement=AgreementFactory(reference="WIS-1"), title="Signed copy")
    doc.file.save("signed.pdf", ContentFile(PDF), save=True)
    yield doc
    doc.file.delete(save=False)


def test_file_lives_in_private_storage_with_no_public_url(document, settings):
    location = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    assert Path(document.file.path).read_bytes() == PDF
    assert Path(document.file.path).is_relative_to(location)
    assert not Path(document.file.path).is_relative_to(Path(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="not accessible via a URL"):
        document.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 403),
        (VIEWER, 403),
        (EDITOR, 403),
        (AGREEMENTS_MANAGER, 200),
    ],
)
def test_download_needs_the_document_permission(role_client, document, role, status):
    response = role_client(role).get(f"/backoffice/documents/{document.pk}/")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")


def test_anonymous_visitors_are_sent_to_the_login(client, document):
    response = client.get(f"/backoffice/documents/{document.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_document_of_a_confidential_agreement_needs_the_confidential_permission(
    make_staff, client, document
):
    from django.contrib.auth.models import Permission

    document.agreement.is_confidential = True
    document.agreement.save()
    user = make_staff(None, "clerk")
    user.user_permissions.add(Permission.objects.get(codename="view_agreementdocument"))
    client.force_login(user)
    # As in the admin, a confidential record the user may not see does not exist for them.
    assert client.get(f"/backoffice/documents/{document.pk}/").status_code == 404


def test_not_reachable_under_public_urls(client, document):
    for prefix in ("/media/", "/static/", "/private_media/"):
        assert client.get(prefix + document.file.name).status_code == 404


def test_a_renamed_executable_is_refused(settings):
    doc = AgreementDocument(
        agreement=AgreementFactory(),
        title="Not a PDF",
        file=SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 executable"),
    )
    with pytest.raises(ValidationError) as error:
        doc.full_clean()
    assert "not a PDF document" in str(error.value)


def test_an_oversized_file_is_refused(settings):
    settings.AGREEMENT_DOCUMENT_MAX_BYTES = 1024
    doc = AgreementDocument(
        agreement=AgreementFactory(),
        title="Too big",
        file=SimpleUploadedFile("contract.pdf", PDF + b"0" * 2048),
    )
    with pytest.raises(ValidationError) as error:
        doc.full_clean()
    assert "documents may be at most 1.0\xa0KB" in error.value.message_dict["file"][0]


def test_upload_through_the_admin_refuses_bad_files_and_changes_nothing(role_client, settings):
    agreement = AgreementFactory(reference="CLARA-ONCOPOLE")
    client = role_client(AGREEMENTS_MANAGER)
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_fr": agreement.title_fr,
            "title_en": agreement.title_en,
            "themes": [],
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
            "documents-0-file": SimpleUploadedFile("contract.pdf", b"MZ not a pdf"),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "not a PDF document" in response.content.decode()
    assert not AgreementDocument.objects.exists()
