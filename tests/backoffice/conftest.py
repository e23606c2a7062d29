import pytest
from django.contrib.auth.models import Group

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER


@pytest.fixture
def make_staff(django_user_model):
    def make(role: str | None, username: str | None = None):
        user = django_user_model.objects.create_user(
            username or f"staff-{(role or 'none').lower().replace(' ', '-')}",
            password="pw-Lyon-2026",
            is_staff=True,
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def role_client(client, make_staff):
    def login(role: str | None):
        client.force_login(make_staff(role))
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return login


ROLES = [VIEWER, EDITOR, AGREEMENTS_MANAGER]
