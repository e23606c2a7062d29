"""Someone who may look at documents but not change them sees them, with the guarded download."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile

from backoffice.roles import EDITOR, VIEWER
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def document():
    doc = AgreementDocument(agreement=AgreementFactory(reference="VIEW-1"), title="Signed copy")
    doc.file.save("signed.pdf", ContentFile(PDF), save=True)
    yield doc
    doc.file.delete(save=False)


@pytest.mark.parametrize(
    ("role", "granted"),
    [
        (VIEWER, ["view_agreementdocument"]),
        # May change documents but not the agreement: its page, inlines included, is read-only.
        (EDITOR, ["view_agreementdocument", "change_agreementdocument"]),
    ],
    ids=["viewer", "editor"],
)
def test_a_view_only_document_role_sees_the_agreement_and_its_documents(
    make_staff, client, document, role, granted
):
    user = make_staff(role)
    user.user_permissions.add(*Permission.objects.filter(codename__in=granted))
    client.force_login(user)
    pages = [
        f"/admin/partnerships/agreement/{document.agreement.pk}/change/",
        f"/admin/partnerships/agreementdocument/{document.pk}/change/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'href="/backoffice/documents/{document.pk}/"' in response.content.decode()
