"""Page numbers and cursors out of any range are a clean 404, never a database error (a 500,
mailed to the administrators)."""

import base64
import json

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def cursor(*content) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(content)).encode()).decode().rstrip("=")


@pytest.fixture
def records():
    partnership = f.PartnershipFactory(slug="big-network")
    f.PartnershipMemberFactory(partnership=partnership)
    f.EventFactory()
    f.InstitutionFactory(name_en="Liver Institute")
    return partnership


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/institutions/", {}),
        ("/api/institutions/", {"directory": "all"}),
        ("/api/institutions/", {"q": "liver"}),
        ("/api/events/", {}),
        ("/api/agreements/", {}),
        ("/api/collaborations/big-network/members/", {}),
    ],
)
@pytest.mark.parametrize(
    "number", [HUGE, "9223372036854775807", "4000000000000000000", "9" * 5000, "0" * 5000 + "9"]
)
def test_a_page_number_beyond_any_list_is_not_found(client, records, settings, url, params, number):
    settings.API_COUNT_CAP = 0  # capped lists serve any number while it has rows
    answer = client.get(url, {**params, "page": number})
    assert answer.status_code == 404
    assert answer.json()["detail"]


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("/api/events/", cursor("a", "fr", ["99999-01-01", "x", 1])),
        ("/api/events/", cursor("a", "fr", ["2020-13-45", "x", 1])),
        ("/api/events/", cursor("a", "fr", [None, "x", -(2**63)])),
        ("/api/events/", cursor("b", "en", ["2020-01-01", "x" * 10_000, 2**63 - 1])),
        ("/api/agreements/", cursor("a", "fr", ["1-01-01", "", 1])),
        ("/api/people/", cursor("a", "fr", [{"x": 1}, "y", 1])),
        ("/api/institutions/", cursor("a", "fr", [1.5, 1])),
        ("/api/institutions/", cursor("a", "fr", [True, 1])),
        ("/api/institutions/", "%%%"),
        ("/api/institutions/", "=" * 50),
        ("/api/institutions/", base64.urlsafe_b64encode(b"\xff\xfe[1]").decode()),
    ],
)
def test_cursor_junk_is_not_found_or_served(client, records, url, value):
    answer = client.get(url, {"cursor": value})
    assert answer.status_code in (200, 404)
    assert "results" in answer.json() or "cursor" in answer.json()["detail"]


@pytest.mark.parametrize("url", ["/api/institutions/", "/api/teams/", "/api/events/"])
def test_numbered_pages_stop_at_a_bound_and_point_to_the_cursor(client, settings, monkeypatch, url):
    from api.pagination import StrictPagePagination

    monkeypatch.setattr(StrictPagePagination, "page_size", 3)
    settings.API_MAX_PAGE = 2
    settings.API_COUNT_CAP = 0
    for _n in range(10):
        f.TeamFactory()
        f.EventFactory()
    assert client.get(url, {"page": 2}).status_code == 200
    deep = client.get(url, {"page": 3})
    assert deep.status_code == 404
    assert "page 2" in deep.json()["detail"]
    assert "`next`" in deep.json()["detail"]
    walked = client.get(client.get(url, {"page": 2}).json()["next"])
    assert walked.status_code == 200  # a cursor goes on past the bound
    assert walked.json()["results"]
