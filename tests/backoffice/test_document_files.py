"""A private file goes with its row: deleted (one or many) or replaced, once that is committed."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from adminkit.admin import record_version
from backoffice.roles import AGREEMENTS_MANAGER
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def stored(name: str) -> bool:
    return storages["private"].exists(name)


@pytest.fixture
def documents():
    agreement = AgreementFactory(reference="FILES-1")
    made = []
    for n in range(2):
        doc = AgreementDocument(agreement=agreement, title=f"Copy {n}")
        doc.file.save(f"copy-{n}.pdf", ContentFile(PDF), save=True)
        made.append(doc)
    yield made
    for doc in made:
        doc.file.delete(save=False)


def test_delete_selected_removes_the_files(
    role_client, documents, django_capture_on_commit_callbacks
):
    client = role_client(AGREEMENTS_MANAGER)
    names = [doc.file.name for doc in documents]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/partnerships/agreementdocument/",
            {
                "action": "delete_selected",
                "_selected_action": [doc.pk for doc in documents],
                "post": "yes",
            },
        )
    assert response.status_code == 302
    assert not AgreementDocument.objects.exists()
    assert [stored(name) for name in names] == [False, False]


def test_a_replaced_file_is_removed(role_client, documents, django_capture_on_commit_callbacks):
    client = role_client(AGREEMENTS_MANAGER)
    document = documents[0]
    old = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/partnerships/agreementdocument/{document.pk}/change/",
            {
                "agreement": document.agreement_id,
                "kind": document.kind,
                "title": document.title,
                "file": SimpleUploadedFile("amended.pdf", PDF + b"%amended"),
                "loaded_version": record_version(document),
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.name != old
    assert (stored(old), stored(document.file.name)) == (False, True)


def test_a_rolled_back_deletion_keeps_the_file(documents, django_capture_on_commit_callbacks):
    def delete_then_fail():
        with transaction.atomic():
            AgreementDocument.objects.all().delete()
            raise RuntimeError("the deletion fails later")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        delete_then_fail()
    assert all(stored(doc.file.name) for doc in documents)
    assert AgreementDocument.objects.count() == 2


def test_saving_without_a_new_file_keeps_it(documents, django_capture_on_commit_callbacks):
    document = documents[0]
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Renamed"
        document.save()
    assert stored(document.file.name)
