"""After signing in, staff land on the page they asked for, or on the back-office's index."""

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Lyon-2026"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("camille", password=PASSWORD, is_staff=True)


def sign_in(client, query: str):
    return client.post(
        f"/admin/login/{query}",
        {"username": "camille", "password": PASSWORD},
        REMOTE_ADDR="10.2.2.2",
    )


@pytest.mark.parametrize(
    "query", ["?next=https://evil.example", "?next=//evil.example/admin/", "?next="]
)
def test_a_disallowed_next_falls_back_to_the_index(client, staff, query):
    response = sign_in(client, query)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_an_allowed_next_is_followed(client, staff):
    response = sign_in(client, "?next=/admin/institutions/institution/")
    assert response["Location"] == "/admin/institutions/institution/"
