import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_a_superuser_once(capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("ensure_admin")
    assert "Created admin account: admin / clara-demo" in capsys.readouterr().out
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.is_staff
    assert user.check_password("clara-demo")

    user.set_password("changed-by-the-owner")
    user.save()
    call_command("ensure_admin")
    assert "Kept admin account: admin / (unchanged)" in capsys.readouterr().out
    user.refresh_from_db()
    assert user.check_password("changed-by-the-owner")


def test_ensure_admin_takes_credentials_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "officer")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-Lyon-2026")
    call_command("ensure_admin")
    assert get_user_model().objects.get(username="officer").check_password("s3cret-Lyon-2026")


@pytest.mark.parametrize(
    "password", [None, "clara-demo", "password1"], ids=["default", "demo", "weak"]
)
def test_ensure_admin_refuses_known_or_weak_passwords_in_production(
    monkeypatch, settings, password
):
    settings.ALLOW_DEMO_ADMIN = False
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    if password is None:
        monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    with pytest.raises(CommandError, match="password"):
        call_command("ensure_admin")
    assert not get_user_model().objects.exists()


def test_ensure_admin_in_production_with_a_strong_password(monkeypatch, settings):
    settings.ALLOW_DEMO_ADMIN = False
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Rhône-Saône-confluence-2026")
    call_command("ensure_admin")
    assert (
        get_user_model().objects.get(username="admin").check_password("Rhône-Saône-confluence-2026")
    )
