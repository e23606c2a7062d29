"""The search stays bounded whatever the data: the same queries and a page of the same size at
two data sizes, counts capped beyond SEARCH_CANDIDATES, suggestions instead of huge selects,
exports complete or refused."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from institutions.models import Institution, Team
from people.models import Person
from search import selectors
from tests import factories as f

pytestmark = pytest.mark.django_db

CAP = 25


@pytest.fixture
def small_cap(settings):
    settings.SEARCH_CANDIDATES = CAP
    settings.API_COUNT_CAP = CAP


def grow(n: int, start: int = 0) -> None:
    """n institutions, each with two liver teams led by a public person, in bulk."""
    theme = f.ResearchThemeFactory(name_en="Liver cancer", slug=f"liver-{start}")
    partnership = f.PartnershipFactory(name_en=f"Liver network {start}")
    institutions = Institution.objects.bulk_create(
        Institution(
            slug=f"bulk-institution-{i}",
            name_fr=f"Institut hépatique {i}",
            name_en=f"Liver institute {i}",
            country=["CN", "FR", "CA"][i % 3],
            description_en="Hepatocellular carcinoma and liver cancer research.",
            # Half from the ROR directory: partners through their teams.
            source=Institution.Source.ROR if i % 2 else Institution.Source.CLARA,
            ror_id=f"0{i:06d}00" if i % 2 else "",
        )
        for i in range(start, start + n)
    )
    people = Person.objects.bulk_create(
        Person(slug=f"bulk-person-{i}", last_name=f"Durand{i}", is_public=True)
        for i in range(start, start + n)
    )
    teams = Team.objects.bulk_create(
        Team(
            slug=f"bulk-team-{institution.slug}-{k}",
            name_fr=f"Équipe foie {i} {k}",
            name_en=f"Liver team {i} {k}",
            institution=institution,
            leader=person,
            description_en="Liver cancer.",
        )
        for i, (institution, person) in enumerate(zip(institutions, people, strict=True))
        for k in range(2)
    )
    Team.themes.through.objects.bulk_create(
        Team.themes.through(team=team, researchtheme=theme) for team in teams
    )
    for institution in institutions[:3]:
        f.PartnershipMemberFactory(partnership=partnership, institution=institution)


def measure(client, url: str, params: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), len(response.content)


PAGES = [
    ("/en/search/", {"q": "liver"}),
    ("/en/search/", {"q": "liver", "type": "institutions"}),
    ("/en/search/", {"q": "liver", "type": "collaborations"}),
    ("/en/search/", {"q": "Livr", "type": "institutions"}),
    ("/en/search/", {}),
    ("/en/search/", {"q": "liver cancer", "country": "CN"}),
    ("/api/teams/", {"q": "liver"}),
    ("/api/institutions/", {"q": "liver"}),
    ("/api/institutions/", {}),
    ("/api/people/", {}),
]


def test_queries_and_sizes_do_not_grow_with_the_data(client, small_cap):
    grow(8)  # below the bound: exact counts
    few = [measure(client, url, params) for url, params in PAGES]
    grow(60, start=8)  # far beyond it: capped counts
    many = [measure(client, url, params) for url, params in PAGES]
    assert [queries for queries, _size in many] == [queries for queries, _size in few]
    for (_q, small), (_q2, large) in zip(few, many, strict=True):
        assert large < 200_000
        assert large - small < 30_000  # at most a page of results more, not the data


def test_a_broad_search_says_more_than_the_bound(client, small_cap):
    grow(40)
    response = client.get("/en/search/", {"q": "liver"})
    html = response.content.decode()
    assert f"More than {CAP} results" in html
    assert f"Among the first {CAP} results" in html
    assert len(re.findall(r'<li class="result">', html)) == 20
    f.TeamFactory(name_en="Zebrafish models")
    narrow = client.get("/en/search/", {"q": "zebrafish"}).content.decode()
    assert "More than" not in narrow
    assert "1 result" in narrow
    api = client.get("/api/teams/", {"q": "liver"}).json()
    assert api["count"] == CAP
    assert api["count_capped"] is True
    listing = client.get("/api/institutions/").json()
    assert listing["count_capped"] is True
    assert listing["next"]
    # Pages after the counted ones are still served while they have rows.
    assert client.get("/api/institutions/", {"page": "2"}).json()["results"]
    assert client.get("/api/institutions/", {"page": "99"}).status_code == 404


def test_the_exact_name_comes_first_among_many_matches(client, small_cap):
    grow(20)
    f.TeamFactory(name_en="Hepatic stem cell team", name_fr="Équipe hépatique cellules souches")
    for params in ({"q": "hepatic stem cell team"}, {"q": "hépatique cellules souches"}):
        html = client.get("/en/search/", params).content.decode()
        first = re.search(r"<h2><a [^>]+>(.*?)</a></h2>", html).group(1)
        assert re.sub(r"<[^>]+>", "", first) == "Hepatic stem cell team"


def test_the_leader_and_collaboration_filters_are_suggested_not_listed(client):
    named = f.PersonFactory(first_name="Zoé", last_name="Gaël", slug="zoe-gael", is_public=True)
    f.PersonFactory(first_name="Zoé", last_name="Gaëlle", slug="withheld", is_public=False)
    f.PartnershipFactory(name_en="Gaelic network", slug="gaelic", is_public=True)
    f.PartnershipFactory(name_en="Gaelic secret", slug="gaelic-secret", is_public=False)
    f.TeamFactory(leader=named)
    html = client.get("/en/search/").content.decode()
    assert 'name="leader"' in html
    assert '<select name="leader"' not in html
    assert '<select name="collaboration"' not in html
    assert "Gaël" not in html
    assert "Gaelic" not in html
    options = client.get("/en/search/suggest/leader/", {"leader": "gael"}).content.decode()
    assert '<option value="zoe-gael">' in options
    assert "withheld" not in options
    assert "Gaëlle" not in options
    options = client.get("/en/search/suggest/collaboration/", {"collaboration": "GAËL"})
    assert '<option value="gaelic">' in options.content.decode()
    assert "secret" not in options.content.decode()
    assert client.get("/en/search/suggest/email/", {"email": "x"}).status_code == 404
    # A withheld person cannot be chosen by slug either.
    assert client.get("/en/search/", {"leader": "withheld"}).status_code == 400
    assert client.get("/en/search/", {"leader": "zoe-gael"}).status_code == 200


def test_suggestions_are_bounded(client):
    grow(30)
    options = client.get("/en/search/suggest/leader/", {"leader": "durand"}).content.decode()
    assert options.count("<option") == 10


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_the_export_holds_every_match_not_only_the_ranked_ones(client, small_cap, monkeypatch):
    monkeypatch.setattr(selectors, "EXPORT_CHUNK", 7)  # several chunks
    grow(30)
    response = client.get("/en/search/export.csv", {"q": "liver"})
    assert response.status_code == 200
    rows = read_csv(response)
    assert len(rows) == Team.objects.count() == 60  # beyond the 25 ranked candidates
    assert len({row["url"] for row in rows}) == 60
    institutions = read_csv(client.get("/en/search/export.csv", {"type": "institutions"}))
    assert len(institutions) == 30


def test_an_export_too_large_to_stream_is_never_sent_partial(client, settings):
    settings.SEARCH_EXPORT_MAX_ROWS = 10
    grow(6)  # 12 teams
    response = client.get("/en/search/export.csv", {"q": "liver"})
    assert response.status_code == 200  # an offer to prepare it (tests/search/test_exports.py)
    assert "Prepare the file" in response.content.decode()
    assert not response.get("Content-Disposition")
    settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS = 11
    refused = client.get("/en/search/export.csv", {"q": "liver"})
    assert refused.status_code == 413
    assert "Too many results to export" in refused.content.decode()
    assert not refused.get("Content-Disposition")
    fits = client.get("/en/search/export.csv", {"q": "liver", "type": "institutions"})
    assert fits.status_code == 200
    assert len(read_csv(fits)) == 6


def test_facets_count_the_candidates_read_with_them(client, small_cap):
    grow(40)  # 80 liver teams in CN, FR and CA, by thirds of the institutions
    html = client.get("/en/search/", {"q": "liver"}).content.decode()
    facets = html[html.index('class="facets"') : html.index('<ol class="results"')]
    by_country = {
        name: int(n) for name, n in re.findall(r">(China|France|Canada) \((\d+)\)", facets)
    }
    assert sum(by_country.values()) == CAP  # among the ranked candidates only
    assert set(by_country) <= {"China", "France", "Canada"}
    narrow = client.get("/en/search/", {"q": "liver", "country": "CA"}).content.decode()
    assert re.search(r">Canada \(25\)", narrow)  # 13 institutions, 26 teams: capped at 25
    assert "China (" not in narrow


def test_pages_of_a_broad_search_follow_one_ranking(client, small_cap):
    grow(20)  # 40 teams: 25 candidates, two pages of 20 and 5
    first = client.get("/en/search/", {"q": "liver"}).content.decode()
    second = client.get("/en/search/", {"q": "liver", "page": "2"}).content.decode()
    addresses = [re.findall(r'<h2><a href="([^"]+)"', page) for page in (first, second)]
    assert len(addresses[0]) == 20
    assert len(addresses[1]) == 5
    assert not set(addresses[0]) & set(addresses[1])
    api = client.get("/api/teams/", {"q": "liver"}).json()
    assert api["count"] == CAP
    # The API ranks the same candidates alike.
    assert [address.split("/")[-2] for address in addresses[0]] == [
        team["slug"] for team in api["results"][:20]
    ]


def test_filter_selects_keep_the_chosen_option(client):
    html = client.get("/en/search/", {"country": "CN", "kind": "hospital"}).content.decode()
    assert '<option value="CN" selected>China</option>' in html
    assert '<option value="hospital" selected>' in html
    assert len(re.findall(r'<option value="[^"]+" selected>', html)) == 2
    french = client.get("/fr/search/").content.decode()
    assert '<option value="CN">Chine</option>' in french
