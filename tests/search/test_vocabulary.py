"""The researchers' own words on the CLARA dataset: what each query must find, through the
thesaurus (synonyms, abbreviations, narrower concepts, both languages, typos), and the places
a query names."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from thesaurus.models import Concept, Term
from thesaurus.selectors import expand

pytestmark = pytest.mark.django_db

SHANGHAI = "CLARA International Shanghai"
GAO_FR = "Équipe du Pr\u00a0Gao – cellules souches"
GAO_EN = "Prof Gao's team – stem cells"


def titles(response) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", t))
        for t in re.findall(r"<h2><a [^>]+>(.*?)</a></h2>", response.content.decode())
    ]


def text(response) -> str:
    page = unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return " ".join(page.replace("\u00a0", " ").replace("\u202f", " ").split())


# (language, kind of result, query, a title that must be among the results)
QUERIES = [
    # Liver cancer: French, English, abbreviations, broader term, typos.
    ("fr", "collaborations", "hépatocarcinome", SHANGHAI),
    ("fr", "collaborations", "hepatocarcinome", SHANGHAI),
    ("fr", "collaborations", "hepatocarcinom", SHANGHAI),
    ("fr", "collaborations", "CHC", SHANGHAI),
    ("en", "collaborations", "HCC", SHANGHAI),
    ("en", "collaborations", "hepatocarcinoma", SHANGHAI),
    ("en", "collaborations", "hepatoma", SHANGHAI),
    ("en", "collaborations", "liver cancer", SHANGHAI),
    ("fr", "collaborations", "cancer du foie", SHANGHAI),
    ("fr", "collaborations", "cancer hépatique", SHANGHAI),
    ("fr", "collaborations", "carcinome hepatocelulaire", SHANGHAI),
    ("en", "collaborations", "hepatocelular carcinoma", SHANGHAI),
    ("en", "collaborations", "hepatocellular carcinoma", SHANGHAI),
    ("fr", "teams", "hépatocarcinome", GAO_FR),
    ("en", "teams", "liver cancer", GAO_EN),
    ("fr", "teams", "carcinome hepatocelulaire", GAO_FR),
    ("en", "teams", "CHC", GAO_EN),
    ("en", "institutions", "hepatocarcinom", "Shanghai Cancer Institute (SCI)"),
    # Cancer stem cells.
    ("en", "teams", "CSC", GAO_EN),
    ("fr", "teams", "cellules souches tumorales", GAO_FR),
    ("en", "teams", "tumour stem cells", GAO_EN),
    ("en", "teams", "tumor stem cells", GAO_EN),
    # Other themes of the dataset, through their synonyms and abbreviations.
    ("fr", "collaborations", "lymphome", "Institut européen du lymphome"),
    ("en", "collaborations", "lymphomas", "European Lymphoma Institute"),
    ("fr", "collaborations", "sarcomes des tissus mous", "World Sarcoma Network"),
    ("en", "collaborations", "soft tissue sarcoma", "World Sarcoma Network"),
    ("en", "collaborations", "lung carcinoma", "Milan programme – lung cancer biomarkers"),
    ("fr", "collaborations", "biomarqueurs", "Programme Milan – biomarqueurs du cancer du poumon"),
    (
        "en",
        "collaborations",
        "colon cancer",
        "Lausanne programme – dependence receptors in colon cancer",
    ),
    (
        "fr",
        "collaborations",
        "CCR",
        "Programme Lausanne – récepteurs à dépendance et cancer du côlon",
    ),
    ("en", "collaborations", "nanoparticles", "Spanish clusters: nanomedicine and oncology"),
    ("fr", "collaborations", "nanotechnologies", "Nano2Life"),
    ("en", "collaborations", "oncogenic viruses", "IARC – DKFZ: virus-induced cancers"),
    ("en", "collaborations", "cancer registries", "European Cancer Observatory"),
    ("fr", "collaborations", "épidemiologie", "Observatoire européen du cancer"),
]


@pytest.mark.parametrize(("language", "kind", "query", "expected"), QUERIES)
def test_each_query_finds_what_a_researcher_means(
    client, clara_dataset, language, kind, query, expected
):
    response = client.get(f"/{language}/search/", {"q": query, "type": kind})
    assert response.status_code == 200
    assert expected in titles(response), (query, titles(response))


def test_the_table_has_thirty_queries_in_both_languages():
    assert len(QUERIES) >= 30
    assert {language for language, *_rest in QUERIES} == {"fr", "en"}


@pytest.mark.parametrize(
    ("language", "query", "said"),
    [
        (
            "fr",
            "hépatocarcinome",
            "correspond à : hépatocarcinome, synonyme de Carcinome hépatocellulaire",
        ),
        ("en", "hépatocarcinome", "matched: hépatocarcinome, synonym of Hepatocellular carcinoma"),
        ("en", "CHC", "matched: CHC, abbreviation of Hepatocellular carcinoma"),
        ("en", "hepatocarcinom", "(closest to “hepatocarcinom”)"),
        ("en", "liver cancer", "(2 narrower concepts included)"),
    ],
)
def test_the_page_says_what_the_thesaurus_added(client, clara_dataset, language, query, said):
    response = client.get(f"/{language}/search/", {"q": query, "type": "collaborations"})
    assert said in text(response)


def test_a_result_found_through_a_synonym_says_which(client, clara_dataset):
    page = text(client.get("/fr/search/", {"q": "hépatocarcinome", "type": "collaborations"}))
    assert "correspond à : Carcinome hépatocellulaire, synonyme de hépatocarcinome" in page
    page = text(client.get("/en/search/", {"q": "hépatocarcinome", "type": "collaborations"}))
    assert "matched: Hepatocellular carcinoma, synonym of hépatocarcinome" in page


def test_a_narrower_concept_is_searched_not_a_broader_one(clara_dataset):
    liver = expand("liver cancer").groups[0]
    assert {"hepatocarcinome", "chc", "hcc", "cholangiocarcinoma"} <= set(liver.phrases)
    hcc = expand("HCC").groups[0]
    assert "liver cancer" not in hcc.phrases
    assert "cholangiocarcinoma" not in hcc.phrases


@pytest.mark.parametrize("query", ["Chine", "China", "chine"])
def test_a_country_alone_lists_that_countrys_partners(client, clara_dataset, query):
    response = client.get("/en/search/", {"q": query, "type": "institutions"})
    found = titles(response)
    assert found
    assert "Shanghai Cancer Institute (SCI)" in found
    assert not {"CLARA", "Auvergne-Rhône-Alpes Region"} & {t.split(" (")[0] for t in found}
    assert all(
        "China" in line
        for line in re.findall(r'<p class="meta">(.*?)</p>', response.content.decode())
    )


def test_a_named_city_ranks_its_partners_before_clara_members(client, clara_dataset):
    found = titles(client.get("/en/search/", {"q": "Shanghai", "type": "institutions"}))
    assert "Shanghai" in found[0] or found[0] in {"Institut Pasteur of Shanghai (IPS)"}
    first_clara = next(i for i, t in enumerate(found) if "CLARA" in t)
    shanghai = [i for i, t in enumerate(found) if "Shanghai" in t and "CLARA" not in t]
    assert max(shanghai) < first_clara


def test_a_country_with_other_words_ranks_that_countrys_partners_first(client, clara_dataset):
    response = client.get("/en/search/", {"q": "liver cancer China", "type": "institutions"})
    first = re.search(r'<p class="meta">(.*?)</p>', response.content.decode()).group(1)
    assert "China" in first


def test_clara_members_filter(client, clara_dataset):
    members = titles(client.get("/en/search/", {"type": "institutions", "members": "clara"}))
    others = titles(client.get("/en/search/", {"type": "institutions", "members": "partners"}))
    assert any("CLARA" in t for t in members)
    assert not any("Shanghai" in t for t in members)
    assert any("Shanghai" in t for t in others)
    assert not any("(CLARA)" in t for t in others)
    html = client.get("/en/search/", {"type": "institutions"}).content.decode()
    assert '<option value="" selected>Members and partners</option>' in html


def _expansion_queries(query: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        expand(query)
    return len(queries)


def _thesaurus(concepts: int) -> None:
    liver = Concept.objects.create(slug="liver", name_fr="Cancer du foie", name_en="Liver cancer")
    Term.objects.create(concept=liver, text="liver cancer", kind="preferred")
    for number in range(concepts):
        concept = Concept.objects.create(slug=f"c{number}", name_fr=f"Concept {number}")
        concept.broader.add(liver)
        for synonym in range(3):
            Term.objects.create(concept=concept, text=f"hepatic form {number} {synonym}")


def test_the_expansion_runs_the_same_queries_at_two_thesaurus_sizes():
    _thesaurus(3)
    small = [_expansion_queries(q) for q in ("liver cancer", "liver cancr", "nothing here")]
    Term.objects.all().delete()
    Concept.objects.all().delete()
    _thesaurus(60)
    large = [_expansion_queries(q) for q in ("liver cancer", "liver cancr", "nothing here")]
    assert small == large == [2, 2, 1]


def test_the_search_page_runs_the_same_queries_at_two_thesaurus_sizes(client):
    f.PartnershipFactory(
        name_en="Liver programme", name_fr="Programme foie", summary_en="hepatic form 1 0"
    )

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", {"q": "liver cancer", "type": "collaborations"})
        assert response.status_code == 200
        return len(queries)

    _thesaurus(3)
    small = page_queries()
    _thesaurus_more = Concept.objects.get(slug="liver")
    for number in range(3, 60):
        concept = Concept.objects.create(slug=f"c{number}", name_fr=f"Concept {number}")
        concept.broader.add(_thesaurus_more)
        Term.objects.create(concept=concept, text=f"hepatic form {number} 0")
    assert page_queries() == small


def test_staff_edit_the_thesaurus_in_french(staff_client):
    response = staff_client.get("/admin/thesaurus/concept/add/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Concepts génériques" in html
    assert "Termes" in html
