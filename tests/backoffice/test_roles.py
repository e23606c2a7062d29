"""The permission matrix of the three staff roles."""

import pytest

from adminkit.admin import record_version
from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from partnerships.models import Agreement
from tests.factories import AgreementFactory, InstitutionFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

# (url, viewer, editor, agreements manager) -> expected status codes
MATRIX = [
    ("/admin/institutions/institution/", 200, 200, 200),
    ("/admin/institutions/institution/add/", 403, 200, 200),
    ("/admin/partnerships/partnership/add/", 403, 200, 200),
    ("/admin/partnerships/agreement/", 200, 200, 200),
    ("/admin/partnerships/agreement/add/", 403, 403, 200),
    ("/admin/partnerships/agreementdocument/", 403, 403, 200),
    ("/admin/institutions/institution/import/", 403, 200, 200),
    ("/admin/partnerships/agreement/import/", 403, 403, 200),
    ("/admin/auth/user/", 403, 403, 403),
]


@pytest.mark.parametrize(("url", "viewer", "editor", "manager"), MATRIX)
def test_permission_matrix(role_client, url, viewer, editor, manager):
    for role, expected in [(VIEWER, viewer), (EDITOR, editor), (AGREEMENTS_MANAGER, manager)]:
        response = role_client(role).get(url)
        assert response.status_code == expected, (role, url, response.status_code)


def test_viewer_cannot_change_an_institution(role_client):
    institution = InstitutionFactory(name_fr="Institut Pasteur de Shanghai")
    client = role_client(VIEWER)
    page = client.get(f"/admin/institutions/institution/{institution.pk}/change/")
    assert page.status_code == 200
    assert b'name="name_fr"' not in page.content  # read-only view
    response = client.post(
        f"/admin/institutions/institution/{institution.pk}/change/", {"name_fr": "Piraté"}
    )
    assert response.status_code == 403
    institution.refresh_from_db()
    assert institution.name_fr == "Institut Pasteur de Shanghai"


def test_editor_edits_content_but_only_reads_agreements(role_client):
    agreement = AgreementFactory(title_fr="Entente CLARA – Oncopole")
    client = role_client(EDITOR)
    page = client.get(f"/admin/partnerships/agreement/{agreement.pk}/change/")
    assert page.status_code == 200
    assert b'name="title_fr"' not in page.content
    client.post(f"/admin/partnerships/agreement/{agreement.pk}/delete/", {"post": "yes"})
    assert Agreement.objects.filter(pk=agreement.pk).exists()


@pytest.mark.parametrize(
    ("role", "sees_secret"),
    [
        (VIEWER, False),
        (EDITOR, False),
        (AGREEMENTS_MANAGER, True),
    ],
)
def test_only_agreements_managers_see_confidential_agreements(role_client, role, sees_secret):
    AgreementFactory(title_fr="Accord public", title_en="Public agreement")
    secret = AgreementFactory(
        title_fr="Accord secret",
        title_en="Secret agreement",
        is_confidential=True,
        partnership=PartnershipFactory(),
    )
    client = role_client(role)
    listing = client.get("/admin/partnerships/agreement/").content.decode()
    assert "Public agreement" in listing
    assert ("Secret agreement" in listing) is sees_secret
    detail = client.get(f"/admin/partnerships/agreement/{secret.pk}/change/")
    assert (detail.status_code == 200) is sees_secret


def test_staff_without_role_sees_nothing(role_client):
    response = role_client(None).get("/admin/")
    assert response.status_code == 200
    assert "/admin/partnerships/" not in response.content.decode()


def test_documented_permission_matrix_is_the_one_in_the_code():
    from pathlib import Path

    from django.conf import settings

    from backoffice.roles import permission_matrix

    readme = (Path(settings.BASE_DIR) / "docs" / "security.md").read_text()
    documented = readme.split("<!-- permission-matrix -->\n")[1].split("\n<!-- /permission")[0]
    assert documented == permission_matrix()


@pytest.mark.parametrize(("role", "allowed"), [(VIEWER, False), (EDITOR, True)])
def test_editors_cite_sources_on_the_records_they_edit(role_client, role, allowed):
    from events.models import EventParticipant
    from sources.models import Source, SourceLink
    from tests.factories import EventFactory, PersonFactory

    participant = EventParticipant.objects.create(event=EventFactory(), person=PersonFactory())
    source = Source.objects.create(key="press-2018", title="Press release 2018")
    prefix = "sources-sourcelink-content_type-object_id"
    response = role_client(role).post(
        f"/admin/events/eventparticipant/{participant.pk}/change/",
        {
            "event": participant.event_id,
            "person": participant.person_id,
            "role": "signed",
            "position": 0,
            "loaded_version": record_version(participant),
            f"{prefix}-TOTAL_FORMS": 1,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-0-source": source.pk,
            f"{prefix}-0-locator": "p. 1",
            f"{prefix}-0-position": 0,
        },
    )
    assert response.status_code == (302 if allowed else 403)
    assert SourceLink.objects.filter(source=source).exists() is allowed
