"""New public records start unpublished; staff publish them (button, list action) and
preview their public page before."""

import pytest
from django.contrib.auth.models import AnonymousUser

from adminkit.preview import may_preview
from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from events.models import Event
from partnerships.models import Agreement, Partnership
from tests.factories import AgreementFactory, EventFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/partnerships/partnership/add/",
        "/admin/events/event/add/",
        "/admin/people/person/add/",
        "/admin/partnerships/agreement/add/",
    ],
)
def test_a_new_record_is_not_ticked_for_the_public_site(staff_client, url):
    page = staff_client.get(url).content.decode()
    box = page[page.index('name="is_public"') - 200 : page.index('name="is_public"') + 200]
    assert "checked" not in box


def test_new_records_default_to_unpublished():
    assert not Partnership().is_public
    assert not Event().is_public
    assert not Agreement().is_public


def test_the_publish_button_publishes_and_unpublishes(role_client):
    client = role_client(EDITOR)
    partnership = PartnershipFactory(is_public=False)
    change = f"/admin/partnerships/partnership/{partnership.pk}/change/"
    page = client.get(change).content.decode()
    assert "Not published" in page
    assert ">Publish<" in page

    response = client.post(
        f"/admin/partnerships/partnership/{partnership.pk}/publication/", {"published": "1"}
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.is_public
    assert partnership.history.first().history_change_reason == "Published"
    assert ">Unpublish<" in client.get(change).content.decode()

    client.post(
        f"/admin/partnerships/partnership/{partnership.pk}/publication/", {"published": "0"}
    )
    partnership.refresh_from_db()
    assert not partnership.is_public


def test_a_viewer_cannot_publish(role_client):
    client = role_client(VIEWER)
    partnership = PartnershipFactory(is_public=False)
    url = f"/admin/partnerships/partnership/{partnership.pk}/publication/"
    assert client.post(url, {"published": "1"}).status_code == 403
    partnership.refresh_from_db()
    assert not partnership.is_public


def test_unpublishing_a_featured_partnership_unfeatures_it(role_client):
    client = role_client(EDITOR)
    partnership = PartnershipFactory(is_public=True, is_featured=True)
    client.post(
        f"/admin/partnerships/partnership/{partnership.pk}/publication/", {"published": "0"}
    )
    partnership.refresh_from_db()
    assert (partnership.is_public, partnership.is_featured) == (False, False)


def test_the_list_action_publishes_the_selected_events(role_client):
    client = role_client(EDITOR)
    chosen, other = EventFactory(is_public=False), EventFactory(is_public=False)
    client.post(
        "/admin/events/event/",
        {"action": "publish_selected", "_selected_action": [chosen.pk]},
    )
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.is_public, other.is_public) == (True, False)


def test_staff_preview_an_unpublished_page_anonymous_get_404(client, role_client):
    partnership = PartnershipFactory(is_public=False, name_en="Hidden cooperation")
    url = partnership.get_absolute_url()
    assert client.get(url).status_code == 404

    staff = role_client(VIEWER)
    response = staff.get(url)
    assert response.status_code == 200
    assert "Preview — not published" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_published_page_has_no_preview_banner(role_client):
    partnership = PartnershipFactory(is_public=True)
    response = role_client(VIEWER).get(partnership.get_absolute_url())
    assert "Preview — not published" not in response.content.decode()


def test_staff_preview_an_unpublished_event(client, role_client):
    event = EventFactory(is_public=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert role_client(EDITOR).get(event.get_absolute_url()).status_code == 200


def test_a_staff_member_without_view_permission_gets_404(client, make_staff):
    partnership = PartnershipFactory(is_public=False)
    client.force_login(make_staff(None))
    assert client.get(partnership.get_absolute_url()).status_code == 404


def test_anonymous_user_may_not_preview(rf):
    request = rf.get("/")
    request.user = AnonymousUser()
    assert not may_preview(request, Partnership)


def test_staff_preview_an_unpublished_agreement_never_a_confidential_one(client, role_client):
    draft = AgreementFactory(is_public=False)
    secret = AgreementFactory(is_public=False, is_confidential=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    manager = role_client(AGREEMENTS_MANAGER)
    assert manager.get(draft.get_absolute_url()).status_code == 200
    assert manager.get(secret.get_absolute_url()).status_code == 404
