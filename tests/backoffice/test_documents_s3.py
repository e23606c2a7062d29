"""Private documents in an S3-compatible object store (moto's server, started here)."""

import socket

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings

from clara.settings import services
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
BUCKET = "clara-private-test"
KEYS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def object_store():
    """An S3-compatible server on a free local port, as a separate server would be."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3_storage(object_store, monkeypatch, settings):
    endpoint, client = object_store
    for name, value in {
        **KEYS,
        "PRIVATE_STORAGE": "s3",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with override_settings(
        STORAGES={**settings.STORAGES, "private": services.private_storage(settings.BASE_DIR)}
    ):
        yield client


def test_document_is_stored_in_the_bucket_and_downloaded_through_the_guarded_view(
    s3_storage, admin_client
):
    document = AgreementDocument(agreement=AgreementFactory(reference="S3-1"), title="Signed")
    document.file.save("signed.pdf", ContentFile(PDF), save=True)

    stored = s3_storage.get_object(Bucket=BUCKET, Key=f"private/{document.file.name}")
    assert stored["Body"].read() == PDF
    assert document.file.name == "agreements/S3-1/signed.pdf"
    with pytest.raises(ValueError, match="not accessible via a URL"):
        document.file.url  # noqa: B018  (no signed URL either)

    response = admin_client.get(f"/backoffice/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_second_upload_of_the_same_name_keeps_the_first(s3_storage):
    agreement = AgreementFactory(reference="S3-2")
    first = AgreementDocument(agreement=agreement, title="First")
    first.file.save("copy.pdf", ContentFile(PDF), save=True)
    second = AgreementDocument(agreement=agreement, title="Second")
    second.file.save("copy.pdf", ContentFile(PDF + b"%second"), save=True)
    assert first.file.name != second.file.name
    assert storages["private"].open(first.file.name).read() == PDF


def test_a_missing_object_is_a_404_not_a_500(s3_storage, admin_client):
    document = AgreementDocument(agreement=AgreementFactory(reference="S3-3"), title="Lost")
    document.file.save("lost.pdf", ContentFile(PDF), save=True)
    s3_storage.delete_object(Bucket=BUCKET, Key=f"private/{document.file.name}")
    assert admin_client.get(f"/backoffice/documents/{document.pk}/").status_code == 404


def test_deleted_and_replaced_documents_leave_no_object(
    s3_storage, django_capture_on_commit_callbacks
):
    agreement = AgreementFactory(reference="S3-4")
    kept = AgreementDocument(agreement=agreement, title="Replaced")
    kept.file.save("old.pdf", ContentFile(PDF), save=True)
    gone = AgreementDocument(agreement=agreement, title="Deleted")
    gone.file.save("gone.pdf", ContentFile(PDF), save=True)
    old_name = kept.file.name
    with django_capture_on_commit_callbacks(execute=True):
        kept.file.save("new.pdf", ContentFile(PDF + b"%new"), save=True)
        AgreementDocument.objects.filter(pk=gone.pk).delete()
    listed = s3_storage.list_objects_v2(Bucket=BUCKET, Prefix="private/agreements/S3-4/")
    assert [item["Key"] for item in listed["Contents"]] == [f"private/{kept.file.name}"]
    assert kept.file.name != old_name
