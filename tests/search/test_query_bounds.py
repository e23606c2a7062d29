"""Every search surface takes a bounded number of keywords and says so (a query of 200 words
joined by "or" took 17 s), and one client cannot loop streamed exports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.validators import KEYWORDS_MAX_LENGTH, KEYWORDS_MAX_WORDS
from search import exports
from tests import factories as f

pytestmark = pytest.mark.django_db

FLOOD = " or ".join(f"word{n}" for n in range(100))  # 200 words
MESSAGE = f"Search with at most {KEYWORDS_MAX_WORDS} words ({KEYWORDS_MAX_LENGTH} characters)."


@pytest.fixture(autouse=True)
def records():
    f.InstitutionFactory(name_en="Liver Institute", city_en="Lyon")
    f.PartnershipFactory(name_en="Liver network")


@pytest.mark.parametrize("kind", ["teams", "institutions", "collaborations"])
def test_the_search_page_and_its_live_results_refuse_too_many_words(client, kind):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/search/", {"q": FLOOD, "type": kind})
    assert page.status_code == 400
    html = page.content.decode()
    assert MESSAGE in html
    assert 'aria-invalid="true"' in html
    assert "word99" not in " ".join(query["sql"] for query in queries)  # never searched
    live = client.get("/en/search/", {"q": FLOOD, "type": kind}, HTTP_HX_REQUEST="true")
    assert live.status_code == 400
    assert MESSAGE in live.content.decode()


def test_too_long_a_query_is_refused_too(client):
    page = client.get("/en/search/", {"q": "x" * (KEYWORDS_MAX_LENGTH + 1)})
    assert page.status_code == 400
    assert MESSAGE in page.content.decode()


def test_a_query_within_the_bound_is_searched(client, clara_dataset):
    words = " ".join(["liver", "cancer"] * (KEYWORDS_MAX_WORDS // 2))
    page = client.get("/en/search/", {"q": words, "type": "collaborations"})
    assert page.status_code == 200
    assert "CLARA International Shanghai" in page.content.decode()


def test_the_export_refuses_too_many_words_with_the_reason(client):
    streamed = client.get("/en/search/export.csv", {"q": FLOOD, "type": "institutions"})
    assert streamed.status_code == 400
    assert streamed["Content-Type"].startswith("text/html")
    assert MESSAGE in streamed.content.decode()
    queued = client.post(f"/en/search/exports/?q={FLOOD}&type=institutions")
    assert queued.status_code == 400
    assert MESSAGE in queued.content.decode()


@pytest.mark.parametrize("url", ["/api/institutions/", "/api/teams/", "/api/collaborations/"])
def test_the_api_refuses_too_many_words(client, url):
    answer = client.get(url, {"q": FLOOD}, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert answer.json() == {"q": [MESSAGE]}


def test_the_collaborations_list_refuses_too_many_words(client):
    page = client.get("/en/collaborations/", {"q": FLOOD})
    assert page.status_code == 400
    assert MESSAGE in page.content.decode()


def test_one_client_streams_a_few_exports_a_minute(client, monkeypatch):
    monkeypatch.setattr(exports, "STREAMS_PER_CLIENT_MINUTE", 2)
    url = "/en/search/export.csv?q=liver&type=institutions"
    for _ in range(2):
        assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200
    refused = client.get(url, REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "several exports in the last minute" in refused.content.decode()
    assert client.get(url, REMOTE_ADDR="192.0.2.8").status_code == 200  # another client
