"""Login guessing is throttled; staff may (superusers in production must) use a second factor."""

import logging

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import sign_in, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Lyon-2026"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("claire", password=PASSWORD, is_staff=True)


def test_right_password_signs_in(client, staff):
    assert sign_in(client, "claire", PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_failures_lock_the_account_with_a_plain_message(client, staff, caplog):
    caplog.set_level(logging.WARNING, logger="axes")
    for _ in range(4):
        assert sign_in(client, "claire", "wrong").status_code == 200
    assert sign_in(client, "claire", "wrong").status_code == 429  # the fifth failure
    locked = sign_in(client, "claire", PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in paused" in page
    assert "Try again in 15 minutes" in page
    assert client.get("/admin/").status_code == 302  # not signed in
    assert any("claire" in record.getMessage() for record in caplog.records)
    # Another address does not help: the account itself is paused.
    assert sign_in(client, "claire", PASSWORD, ip="10.9.9.9").status_code == 429


def test_one_address_guessing_many_accounts_is_paused(client, staff):
    for n in range(5):
        sign_in(client, f"someone-{n}", "wrong", ip="10.2.2.2")
    assert sign_in(client, "claire", PASSWORD, ip="10.2.2.2").status_code == 429
    assert sign_in(client, "claire", PASSWORD, ip="10.3.3.3").status_code == 302


def test_staff_can_unlock_an_account(client, staff):
    for _ in range(5):
        sign_in(client, "claire", "wrong")
    call_command("axes_reset_username", "claire", verbosity=0)
    assert sign_in(client, "claire", PASSWORD).status_code == 302


def test_a_staff_member_turns_two_factor_on_and_then_needs_the_code(client, staff):
    client.force_login(staff)
    page = client.get("/backoffice/two-factor/", HTTP_ACCEPT_LANGUAGE="en")
    assert "<svg" in page.content.decode()
    assert "CLARA Partnerships" in page.content.decode()
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    wrong = client.post(
        "/backoffice/two-factor/",
        {"action": "enable", "token": "000000"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "not the one your app shows" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a moment
    client.post("/backoffice/two-factor/", {"action": "enable", "token": totp_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session is verified

    client.logout()
    refused = sign_in(client, "claire", PASSWORD)
    assert refused.status_code == 200
    assert "the current code of your authenticator app" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.last_t = -1  # the code above was used once already: allow the same window again
    device.throttling_failure_count = 0
    device.save()
    assert sign_in(client, "claire", PASSWORD, token=totp_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_session_without_the_second_factor_does_not_reach_the_back_office(client, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302


def test_superusers_need_a_second_factor_when_required(client, django_user_model, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    refused = sign_in(client, "root", PASSWORD)
    assert "the current code of your authenticator app" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    call_command("addstatictoken", "root", "-t", "backup42", verbosity=0)
    assert StaticDevice.objects.filter(user__username="root").exists()
    assert sign_in(client, "root", PASSWORD, token="backup42").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_superusers_without_the_requirement_sign_in_with_a_password(client, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    assert sign_in(client, "root", PASSWORD).status_code == 302
