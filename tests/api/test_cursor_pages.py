"""A list's `next` and `previous` links carry a cursor: following them visits every record
once, in the list's order (ties and missing values included), and costs the same at any depth."""

import base64
import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.pagination import StrictPagePagination
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages_of_three(monkeypatch):
    monkeypatch.setattr(StrictPagePagination, "page_size", 3)


def walk(client, url: str, link: str = "next", **headers) -> list[list[str]]:
    pages = []
    while url:
        body = client.get(url, **headers).json()
        pages.append([row["slug"] for row in body["results"]])
        url = body[link]
    return pages


def numbered(client, url: str, **headers) -> list[list[str]]:
    pages, number = [], 1
    while True:
        answer = client.get(url, {"page": number}, **headers)
        if answer.status_code == 404:
            return pages
        pages.append([row["slug"] for row in answer.json()["results"]])
        number += 1


def test_following_next_visits_every_event_once_in_order(client, pages_of_three):
    # Same dates (ties broken by title, then by record), and events without a date (last).
    for day, title in [(5, "B"), (5, "A"), (5, "A"), (9, "C"), (None, "D"), (None, "D"), (1, "E")]:
        start = datetime.date(2020, 1, day) if day else None
        f.EventFactory(title_fr=title, title_en=title, start_date=start, end_date=None)
    f.EventFactory(title_fr="Caché", is_public=False)
    pages = walk(client, "/api/events/")
    assert pages == numbered(client, "/api/events/")
    slugs = [slug for page in pages for slug in page]
    assert len(slugs) == len(set(slugs)) == 7
    dates = [
        row["start_date"]
        for link in walk_links(client, "/api/events/")
        for row in client.get(link).json()["results"]
    ]
    assert dates == [*["2020-01-09"] + ["2020-01-05"] * 3, "2020-01-01", None, None]
    # And back: `previous` from the last page gives the same pages, in reverse.
    assert walk(client, walk_links(client, "/api/events/")[-1], "previous") == pages[::-1]


def walk_links(client, url: str) -> list[str]:
    links = [url]
    while True:
        url = client.get(url).json()["next"]
        if not url:
            return links
        links.append(url)


def test_names_missing_in_the_language_come_last_and_are_reached(client, pages_of_three):
    for n in range(5):
        f.PartnershipFactory(name_fr=f"Réseau {n}", name_en=f"Network {n}")
    for n in range(4):
        f.PartnershipFactory(name_fr=f"Alliance {n}", name_en=None)
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    pages = walk(client, "/api/collaborations/", **english)
    assert pages == numbered(client, "/api/collaborations/", **english)
    slugs = [slug for page in pages for slug in page]
    assert len(slugs) == len(set(slugs)) == 9
    assert walk(client, walk_links_en(client), "previous", **english) == pages[::-1]


def walk_links_en(client) -> str:
    url = "/api/collaborations/"
    while True:
        following = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["next"]
        if not following:
            return url
        url = following


def test_a_traversal_neither_skips_nor_repeats_when_records_are_added(client, pages_of_three):
    for n in range(6):
        f.InstitutionFactory(name_fr=f"Institut {n}", source="clara")
    first = client.get("/api/institutions/").json()
    f.InstitutionFactory(name_fr="Institut 0 bis", source="clara")  # sorts into page 1
    second = client.get(first["next"]).json()
    assert [row["name_fr"] for row in second["results"]] == [
        "Institut 3",
        "Institut 4",
        "Institut 5",
    ]


def test_a_deep_page_costs_the_same_queries_as_the_first(client, pages_of_three):
    for n in range(15):
        f.AgreementFactory(reference=f"AGR-{n:03}")
    with CaptureQueriesContext(connection) as first:
        url = client.get("/api/agreements/").json()["next"]
    for _ in range(2):
        url = client.get(url).json()["next"]
    with CaptureQueriesContext(connection) as deep:
        assert client.get(url).status_code == 200
    assert len(deep) == len(first)


def cursor(*content) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(content)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "value",
    [
        "not base64 at all!",
        cursor("a", "fr", ["x"]),  # too few values
        cursor("a", "fr", ["x", "not a number"]),
        cursor("z", "fr", ["x", 1]),
        cursor("a", "xx", ["x", 1]),
        cursor("a", "fr", ["x\x00", 1]),
        cursor("a", "fr", ["x", 10**30]),
        cursor("a", "fr", [["x"], 1]),
    ],
)
def test_an_invalid_cursor_is_not_found(client, value):
    f.PartnershipFactory()
    answer = client.get("/api/collaborations/", {"cursor": value})
    assert answer.status_code == 404
    assert "cursor" in answer.json()["detail"]


def test_search_results_are_numbered_pages_without_cursor(client, clara_dataset):
    answer = client.get("/api/institutions/", {"q": "Weizman"})
    assert answer.json()["next"] is None or "page=" in answer.json()["next"]
    assert client.get("/api/institutions/", {"q": "Weizman", "cursor": cursor()}).status_code == 404


def test_a_cursor_never_reaches_private_records(client, pages_of_three):
    for n in range(4):
        f.EventFactory(
            title_fr=f"Public {n}", start_date=datetime.date(2020, 1, n + 1), end_date=None
        )
    f.EventFactory(
        title_fr="Privé", start_date=datetime.date(2020, 1, 3), end_date=None, is_public=False
    )
    titles = [
        row["title_fr"]
        for link in walk_links(client, "/api/events/")
        for row in client.get(link).json()["results"]
    ]
    assert titles == ["Public 3", "Public 2", "Public 1", "Public 0"]


def test_numbered_pages_follow_changes(client, pages_of_three):
    for n in range(10):
        f.InstitutionFactory(name_fr=f"Institut {n:02}", source="clara")

    def names(number):
        body = client.get("/api/institutions/", {"page": number}).json()
        return [row["name_fr"] for row in body["results"]]

    assert names(2) == ["Institut 03", "Institut 04", "Institut 05"]
    assert names(3) == ["Institut 06", "Institut 07", "Institut 08"]
    # A new institution sorts before them all: every page shifts.
    f.InstitutionFactory(name_fr="Institut 00 bis", source="clara")
    assert names(3) == ["Institut 05", "Institut 06", "Institut 07"]
    assert names(4) == ["Institut 08", "Institut 09"]
    assert client.get("/api/institutions/", {"page": 5}).status_code == 404
