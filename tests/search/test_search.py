import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.text import fold, highlight
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", t))
        for t in re.findall(r"<h2><a [^>]+>(.*?)</a></h2>", response.content.decode())
    ]


@pytest.mark.parametrize(
    "query", ["hepatocellulaire", "hépatocellulaire", "HÉPATOCELLULAIRE", "liver cancer"]
)
def test_liver_cancer_work_in_shanghai_is_found_in_both_languages(client, clara_dataset, query):
    response = client.get("/en/search/", {"q": query, "type": "collaborations"})
    assert response.status_code == 200
    assert titles(response)[0] == "CLARA International Shanghai"


@pytest.mark.parametrize("query", ["hepatocellulaire", "liver cancer"])
def test_shanghai_institutions_are_found_through_the_liver_cancer_work(
    client, clara_dataset, query
):
    found = titles(client.get("/en/search/", {"q": query, "type": "institutions"}))
    assert "Shanghai Cancer Institute (SCI)" in found


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Weizman", "Weizmann Institute of Science"),
        ("Sherbroke", "Université de Sherbrooke"),
        ("Fudam", "Fudan University"),
    ],
)
def test_a_one_letter_typo_still_finds_the_partner(client, clara_dataset, typo, expected):
    assert titles(client.get("/en/search/", {"q": typo, "type": "institutions"}))[0] == expected


def test_teams_found_by_theme_and_ranked_by_relevance(client, clara_dataset):
    found = titles(client.get("/en/search/", {"q": "stem cells"}))
    assert found[0] == "Prof Gao's team – stem cells"
    html = client.get("/en/search/", {"q": "stem cells"}).content.decode()
    assert "<mark>stem</mark> <mark>cells</mark>" in html


def test_each_result_shows_institution_country_themes_collaborations_and_contact(
    client, clara_dataset
):
    html = client.get("/en/search/", {"q": "Gao"}).content.decode()
    result = html[html.index('class="result"') :]
    assert "Renji Hospital Stem Cell Research Center" in result
    assert "China" in result
    assert "Cancer stem cells and their environment" in result
    assert "CLARA International Shanghai" in result
    assert "Request an introduction" in unescape(result)
    assert "/en/introductions/team/" in result
    assert "@" not in result.split("</li>")[0].replace("mailto:", "")


def test_filters_combine(client, clara_dataset):
    response = client.get(
        "/en/search/", {"type": "institutions", "country": "CA", "kind": "university"}
    )
    assert set(titles(response)) == {
        "Université de Montréal",
        "McGill University",
        "Université de Sherbrooke",
        "Université Laval",
    }
    response = client.get(
        "/en/search/",
        {
            "type": "institutions",
            "country": "CN",
            "collaboration": "clara-international-shanghai",
            "q": "hospital",
        },
    )
    assert set(titles(response)) >= {"Renji Hospital", "Ruijin Hospital"}
    assert "Fudan University" not in titles(response)
    teams = client.get("/en/search/", {"theme": "cancer-stem-cells", "type": "teams"})
    assert titles(teams) == ["Prof Gao's team – stem cells"]
    assert titles(client.get("/en/search/", {"leader": "gao-renji"})) == [
        "Prof Gao's team – stem cells"
    ]


def test_agreement_in_force_with_clara(client, db):
    clara = f.InstitutionFactory(slug="canceropole-clara", name_en="CLARA")
    partner = f.InstitutionFactory(name_en="Quebec Oncopole")
    f.InstitutionFactory(name_en="Unrelated Institute")
    secret_partner = f.InstitutionFactory(name_en="Secret Partner")
    agreement = f.AgreementFactory(status="in_force")
    f.AgreementPartyFactory(agreement=agreement, institution=clara)
    f.AgreementPartyFactory(agreement=agreement, institution=partner)
    confidential = f.AgreementFactory(status="in_force", is_confidential=True)
    f.AgreementPartyFactory(agreement=confidential, institution=clara)
    f.AgreementPartyFactory(agreement=confidential, institution=secret_partner)
    found = titles(
        client.get("/en/search/", {"type": "institutions", "agreement_in_force": "true"})
    )
    assert "Quebec Oncopole" in found
    assert "Unrelated Institute" not in found
    assert "Secret Partner" not in found
    # Without the filter, the institutions it left out are listed.
    everyone = titles(client.get("/en/search/", {"type": "institutions"}))
    assert {"Unrelated Institute", "Secret Partner"} <= set(everyone)


def test_facet_counts(client, clara_dataset):
    params = {"type": "institutions", "q": "university"}
    html = client.get("/en/search/", params).content.decode()
    canada = int(re.search(r"Canada \((\d+)\)", html).group(1))
    filtered = client.get("/en/search/", {**params, "country": "CA"})
    assert canada == filtered.context["page_obj"].paginator.count >= 4


@pytest.mark.parametrize(
    "query",
    ["country=ZZ", "kind=spaceship", "theme=nope", "agreement_in_force=perhaps", "leader=someone"],
)
def test_invalid_filters_get_a_message_not_an_error(client, clara_dataset, query):
    response = client.get(f"/en/search/?{query}")
    assert response.status_code == 400
    assert "Some filters could not be applied" in response.content.decode()


def test_htmx_requests_get_only_the_results_fragment(client, clara_dataset):
    response = client.get(
        "/en/search/", {"q": "Weizmann", "type": "institutions"}, HTTP_HX_REQUEST="true"
    )
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="results"')
    assert "<html" not in fragment
    assert titles(response)[0] == "Weizmann Institute of Science"


def test_works_without_javascript_and_urls_are_shareable(client, clara_dataset):
    html = client.get("/en/search/", {"q": "Weizmann", "type": "institutions"}).content.decode()
    assert '<form class="filters search-form" method="get"' in html
    assert 'src="/static/vendor/htmx/htmx.min.js"' in html


def test_search_pages_query_count_does_not_grow(client, db):
    theme = f.ResearchThemeFactory(name_en="Liver cancer", slug="liver")

    def grow(n):
        for _ in range(n):
            team = f.TeamFactory(name_en="Liver team")
            team.themes.add(theme)
            f.PartnershipMemberFactory(institution=team.institution)

    def count(params, found):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", params)
        assert response.context["page_obj"].paginator.count == found
        return len(queries)

    grow(3)
    few = [count({"q": "liver"}, 3), count({"q": "liver", "type": "institutions"}, 3)]
    grow(30)
    many = [count({"q": "liver"}, 33), count({"q": "liver", "type": "institutions"}, 33)]
    assert many == few


def test_highlight_ignores_accents_and_escapes():
    assert str(highlight("Hépatocarcinome <b>", "hepatocarcinome")) == (
        "<mark>Hépatocarcinome</mark> &lt;b&gt;"
    )
    assert fold("Université Laval") == "universite laval"


def test_csv_export_has_the_same_results(client, clara_dataset):
    response = client.get("/en/search/export.csv", {"q": "Weizmann", "type": "institutions"})
    content = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert content.splitlines()[0].startswith("institution,kind,city,country")
    assert "Weizmann Institute of Science" in content


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="GIN indexes are PostgreSQL's")
def test_postgres_search_queries_use_the_gin_indexes(clara_dataset):
    from django.contrib.postgres.search import SearchQuery

    from core.text import folded
    from institutions.models import Institution
    from search.documents import StoredDocument

    with connection.cursor() as cursor:
        # The table is tiny: make the choice visible (bitmap scans, as on large tables).
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
    text_plan = (
        Institution.objects.alias(doc=StoredDocument("fr"))
        .filter(doc=SearchQuery("hepatocarcinome", config="french", search_type="websearch"))
        .explain()
    )
    typo_plan = (
        Institution.objects.annotate(folded_name=folded("name_en"))
        .filter(folded_name__trigram_word_similar="weizman")
        .explain()
    )
    assert "institutions_institution_search_document_fr" in text_plan
    assert "institutions_institution_name_en_trgm" in typo_plan


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's stored columns")
def test_the_stored_documents_follow_every_write(db):
    from django.db.models import F

    from institutions.models import Institution

    institution = f.InstitutionFactory(name_fr="Institut", description_fr="Rien")
    Institution.objects.filter(pk=institution.pk).update(description_fr=F("name_fr"))
    Institution.objects.filter(pk=institution.pk).update(description_fr="Hépatocarcinome")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document_fr::text FROM institutions_institution WHERE id = %s",
            [institution.pk],
        )
        assert "'hepatocarcinom':" in cursor.fetchone()[0]


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's trigram branch")
@pytest.mark.parametrize(("matching", "close_found"), [(1, True), (3, False)])
def test_names_merely_close_are_looked_for_only_when_few_texts_match(
    client, db, monkeypatch, matching, close_found
):
    """A typo finds few records: names close to the query are added to few text matches, not
    tested against hundreds of them (TYPOS_UNLESS_TEXT_MATCHES)."""
    from search import selectors

    monkeypatch.setattr(selectors, "TYPOS_UNLESS_TEXT_MATCHES", 2)
    institution = f.InstitutionFactory(source="clara")
    for n in range(matching):
        f.TeamFactory(institution=institution, name_en=f"Stem cells {n}", name_fr=f"Stem cells {n}")
    close = f.TeamFactory(institution=institution, name_en="Stem celsl", name_fr="Stem celsl")
    html = client.get("/en/search/", {"q": "stem cells", "type": "teams"}).content.decode()
    assert (f"/teams/{close.slug}/" in html) is close_found


def test_french_csv_export_is_typeset_and_states_no_unknown_status(client, clara_dataset):
    response = client.get("/fr/search/export.csv", {"q": "Lausanne", "type": "collaborations"})
    body = b"".join(response.streaming_content).decode()
    assert "Inconnu" not in body
    assert "récepteurs à dépendance" in body
    quebec = b"".join(
        client.get(
            "/fr/search/export.csv", {"q": "Oncopole", "type": "collaborations"}
        ).streaming_content
    ).decode()
    assert "l’Oncopole" in quebec
