import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

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
