"""Every staff page outside the admin passes the admin's door (backoffice.sites.staff_access):
an active staff member, verified by the second factor where it is required. The URL
configuration is walked: a view under a staff address that does not carry the mark
(StaffRequiredMixin, @staff_required) fails here, and every marked view refuses an anonymous
visitor and a session opened with the password alone."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from alerts.models import CalendarToken
from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Lyon-2026"
# Addresses where staff pages live, outside the admin (which its own site guards).
STAFF_PREFIXES = ("backoffice/", "calendar/")
# Under those addresses, not staff pages: public, or reached by a secret token (calendar
# applications cannot sign in).
NOT_STAFF_PAGES = {
    "calendar/events.ics": "public events",
    "calendar/staff/<str:token>.ics": "the personal feed: its address is the secret",
}
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def routes(patterns=None, prefix=""):
    """(route, view) of every address, the admin's excepted."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route != "admin/":
                yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def marked(view) -> bool:
    return getattr(view, "staff_only", False) or getattr(
        getattr(view, "view_class", None), "staff_only", False
    )


def address(route: str) -> str:
    """A concrete address of a route: whatever the values, the door comes first."""
    route = re.sub(r"<int:\w+>", "1", route)
    return "/" + re.sub(r"<(?:\w+:)?\w+>", "x", route)


STAFF_PAGES = sorted(address(route) for route, view in routes() if marked(view))


def test_every_view_under_a_staff_address_is_marked():
    escaped = [
        route
        for route, view in routes()
        if route.startswith(STAFF_PREFIXES) and route not in NOT_STAFF_PAGES and not marked(view)
    ]
    assert escaped == []
    assert {"/backoffice/documents/1/", "/backoffice/two-factor/", "/calendar/my-calendar/"} <= set(
        STAFF_PAGES
    )


@pytest.fixture
def unverified(client, django_user_model, settings):
    """A superuser with an authenticator, signed in with the password only."""
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    user = django_user_model.objects.create_superuser("root", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)
    return client


def verify(client, user) -> None:
    """The session as after signing in with the authenticator's code."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()


@pytest.mark.parametrize("url", STAFF_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("url", STAFF_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_session_without_the_second_factor_is_sent_to_sign_in(unverified, url, method):
    response = getattr(unverified, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert not TOTPDevice.objects.filter(confirmed=False).exists()
    assert not CalendarToken.objects.exists()


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_signed_in_people_who_are_not_staff_are_sent_to_sign_in(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("visitor", password=PASSWORD))
    assert client.get(url).status_code == 302


@pytest.fixture
def confidential_document():
    agreement = AgreementFactory(reference="CONF-9", is_confidential=True)
    document = AgreementDocument(agreement=agreement, title="Signed copy")
    document.file.save("signed.pdf", ContentFile(PDF), save=True)
    yield document
    document.file.delete(save=False)


def test_a_confidential_pdf_needs_the_second_factor(unverified, confidential_document):
    url = f"/backoffice/documents/{confidential_document.pk}/"
    assert unverified.get(url).status_code == 302
    verify(unverified, _root())
    response = unverified.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_the_deadlines_calendar_address_needs_the_second_factor(unverified):
    assert unverified.get("/calendar/my-calendar/").status_code == 302
    assert not CalendarToken.objects.exists()
    verify(unverified, _root())
    page = unverified.get("/calendar/my-calendar/")
    assert page.status_code == 200
    token = CalendarToken.objects.get(user=_root())
    assert token.token in page.content.decode()


def _root():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="root")


def test_a_superuser_without_a_device_may_set_one_up_and_nothing_else(
    client, django_user_model, settings, confidential_document
):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    user = django_user_model.objects.create_superuser("root", password=PASSWORD)
    client.force_login(user)
    assert client.get(f"/backoffice/documents/{confidential_document.pk}/").status_code == 302
    assert client.get("/calendar/my-calendar/").status_code == 302
    page = client.get("/backoffice/two-factor/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()


def test_staff_without_a_required_second_factor_reach_their_pages(client, django_user_model):
    user = django_user_model.objects.create_user("claire", password=PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_agreement"))
    client.force_login(user)
    assert client.get("/calendar/my-calendar/").status_code == 200
    assert client.get("/backoffice/two-factor/").status_code == 200


ADMIN_STAFF_PAGES = [
    "/admin/",
    "/admin/institutions/institution/",
    "/admin/institutions/institution/export/",
    "/admin/institutions/institution/import/",
    "/admin/institutions/institution/jobs/1/",
    "/admin/institutions/institution/jobs/1/file/",
    "/admin/partnerships/agreement/jobs/1/file/",
]


@pytest.mark.parametrize("url", ADMIN_STAFF_PAGES)
def test_the_admin_and_its_job_pages_pass_the_same_door(unverified, url):
    response = unverified.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
