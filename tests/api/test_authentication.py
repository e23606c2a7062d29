"""The API knows a caller by the signed-in session only, once it passed the second factor where
the back-office asks for it: HTTP Basic would check a password alone (an oracle for guessing it,
past the second factor and the sign-in's lockout)."""

import base64

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.request import Request

from api.authentication import VerifiedSessionAuthentication

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Lyon-2026"


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_http_basic_tells_nothing_about_a_password(client, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    right = client.get("/api/institutions/", HTTP_AUTHORIZATION=basic("root", PASSWORD))
    wrong = client.get("/api/institutions/", HTTP_AUTHORIZATION=basic("root", "guess"))
    assert right.status_code == wrong.status_code == 200
    assert "WWW-Authenticate" not in wrong


def session_request(user, *, verified: bool):
    request = RequestFactory().get("/api/institutions/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    OTPMiddleware(lambda r: None)(request)  # what the middleware sets: is_verified()
    if verified:
        request.user.otp_device = TOTPDevice.objects.get(user=user)
    return Request(request)


@pytest.fixture
def root(django_user_model, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    user = django_user_model.objects.create_superuser("root", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def test_a_session_without_the_second_factor_is_anonymous(root):
    authentication = VerifiedSessionAuthentication()
    assert authentication.authenticate(session_request(root, verified=False)) is None
    found = authentication.authenticate(session_request(root, verified=True))
    assert found is not None
    assert found[0].pk == root.pk
    assert authentication.authenticate(session_request(AnonymousUser(), verified=False)) is None
