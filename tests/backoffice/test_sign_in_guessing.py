"""Guessing is counted wherever a secret is checked: the authentication code at sign-in and the
old password of the password change. The sign-in form tells no failure from another."""

import pytest
from axes.models import AccessAttempt
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import sign_in, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Lyon-2026"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("claire", password=PASSWORD, is_staff=True)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def wrong_code(device: TOTPDevice) -> str:
    return "000000" if totp_code(device) != "000000" else "111111"


def errors(response) -> list[str]:
    assert response.status_code == 200
    return list(response.context["form"].non_field_errors())


def test_every_failed_sign_in_reads_the_same(client, staff, device, django_user_model, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    django_user_model.objects.create_superuser("root", password=PASSWORD)  # no device yet
    attempts = [
        ("nobody", "wrong", ""),
        ("claire", "wrong", totp_code(device)),
        ("claire", PASSWORD, ""),  # right password, no code
        ("claire", PASSWORD, wrong_code(device)),
        ("root", PASSWORD, ""),  # a superuser without a device
    ]
    answers = [
        sign_in(client, username, password, token, ip=f"10.4.4.{n}")  # none paused
        for n, (username, password, token) in enumerate(attempts)
    ]
    messages = [errors(answer) for answer in answers]
    assert all(message == messages[0] for message in messages), messages
    assert "authenticator" in messages[0][0]
    assert not any("Superusers" in answer.content.decode() for answer in answers)


def test_wrong_codes_count_as_failed_sign_ins(client, staff, device):
    for _ in range(4):
        assert sign_in(client, "claire", PASSWORD, token=wrong_code(device)).status_code == 200
    assert AccessAttempt.objects.get(username="claire").failures_since_start == 4
    assert sign_in(client, "claire", PASSWORD, token=wrong_code(device)).status_code == 429
    # Paused like after five wrong passwords: the right code does not help now.
    assert sign_in(client, "claire", PASSWORD, token=totp_code(device)).status_code == 429
    assert client.get("/admin/").status_code == 302


def test_a_password_holder_guessing_codes_does_not_lock_the_owner_s_device(client, staff, device):
    for _ in range(4):
        sign_in(client, "claire", PASSWORD, token=wrong_code(device), ip="10.6.6.6")
    assert sign_in(client, "claire", PASSWORD, token=totp_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def change_password(client, old, new="another-pw-Grenoble-99"):
    return client.post(
        "/admin/password_change/",
        {"old_password": old, "new_password1": new, "new_password2": new},
        REMOTE_ADDR="10.1.1.1",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_guessing_the_old_password_is_paused_like_a_sign_in(client, staff):
    client.force_login(staff)
    for _ in range(4):
        assert change_password(client, "wrong").status_code == 200
    assert change_password(client, "wrong").status_code == 429
    assert change_password(client, PASSWORD).status_code == 429
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)  # unchanged


def test_the_right_old_password_still_changes_it(client, staff):
    client.force_login(staff)
    assert change_password(client, PASSWORD).status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("another-pw-Grenoble-99")
