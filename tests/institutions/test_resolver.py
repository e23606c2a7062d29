"""The affiliation resolver (issue #25): free text -> directory organisations.

Unit tests build the index from handmade rows (no database); the API, the admin autocomplete
and eval_affiliations read it from the database. The CI-size evaluation runs on 200 gold rows of
S2AFF's validation split (Apache-2.0, Allen Institute for AI) with the 402 ROR records (CC0)
they need: their labels, the candidates the resolver proposes for them over the whole shared
directory (so that the look-alikes are there too) and their parents.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from institutions.affiliation_eval import evaluate
from institutions.models import Institution
from institutions.resolver import Directory, resolve_affiliation, tokens

DATA = Path(__file__).parent / "data"


def row(pk, name, *, ror="", country="", city="", parent="", acronym="", aliases=()):
    names = [(name, "name"), *((alias, "name") for alias in aliases)]
    if acronym:
        names.append((acronym, "acronym"))
    return {
        "pk": pk,
        "slug": f"org-{pk}",
        "ror_id": ror,
        "name": name,
        "country": country,
        "city": city,
        "parent_ror": parent,
        "names": names,
    }


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory.build(
        [
            row(1, "Chinese Academy of Sciences", ror="034t30j35", country="CN", acronym="CAS"),
            row(
                2,
                "Institute of Computing Technology",
                ror="0090r4d87",
                country="CN",
                city="Beijing",
                parent="034t30j35",
                acronym="ICT",
            ),
            row(
                3,
                "Université Claude Bernard Lyon 1",
                ror="029brtt94",
                country="FR",
                city="Lyon",
                acronym="UCBL",
                aliases=["Claude Bernard University Lyon 1"],
            ),
            row(
                4,
                "Centre National de la Recherche Scientifique",
                ror="02feahw73",
                country="FR",
                city="Paris",
                acronym="CNRS",
                aliases=["French National Centre for Scientific Research"],
            ),
            row(5, "Institut Pasteur", ror="0495fxg12", country="FR", city="Paris"),
            row(6, "Institut Pasteur of Shanghai", ror="00sdcjz77", country="CN", city="Shanghai"),
            row(7, "University of Würzburg", ror="00fbnyb24", country="DE", city="Würzburg"),
            row(
                8,
                "Hong Kong University of Science and Technology",
                ror="00q4vv597",
                country="HK",
                city="Hong Kong",
                acronym="HKUST",
            ),
            row(9, "University of Hong Kong", ror="02zhqgq86", country="HK", city="Hong Kong"),
            row(10, "Harvard University", ror="03vek6s52", country="US", city="Cambridge"),
            row(
                11,
                "Harvard Medical School",
                ror="03wevmz92",
                country="US",
                city="Boston",
                parent="03vek6s52",
            ),
            row(12, "Carlos Chagas Institute", ror="04jhswv08", country="BR", acronym="ICC"),
            row(13, "Cancer Research Center of Lyon", country="FR", city="Lyon", acronym="CRCL"),
        ]
    )


def chosen(candidates):
    found = [c for c in candidates if c.chosen]
    assert len(found) <= 1, "never two chosen"
    return found[0].name if found else None


def test_normalising_folds_case_accents_and_abbreviations():
    assert tokens("UNIVERSITÉ Claude-Bernard") == ["university", "claude", "bernard"]
    assert tokens("Inst. of Comput. Technol.") == ["institute", "computer", "technology"]
    assert tokens("Hosp. Ctr., Acad. Sci.") == ["hospital", "center", "academy", "science"]
    assert tokens("Universität für Bodenkultur") == ["university", "bodenkultur"]
    assert tokens("Zhongguo Kexueyuan Daxue") == ["china", "kexueyuan", "university"]
    assert tokens("C.N.R.S.") == ["cnrs"]


def test_a_unit_of_a_named_parent_resolves_to_the_unit_with_its_parent(directory):
    candidates = directory.resolve("Inst. of Comput. Technol., Chinese Acad. of Sci., Beijing")
    assert chosen(candidates) == "Institute of Computing Technology"
    assert candidates[0].parent["name"] == "Chinese Academy of Sciences"
    assert "Chinese Academy of Sciences" in [c.name for c in candidates]
    # Or the parent first, when asked.
    parent_first = directory.resolve(
        "Inst. of Comput. Technol., Chinese Acad. of Sci., Beijing", specific=False
    )
    assert parent_first[0].name == "Chinese Academy of Sciences"


def test_a_string_naming_several_organisations_chooses_one(directory):
    candidates = directory.resolve(
        "Dept. of Genetics, Harvard Medical School, Boston, USA; "
        "Université Claude Bernard Lyon 1, France"
    )
    names = [c.name for c in candidates]
    assert "Harvard Medical School" in names
    assert "Université Claude Bernard Lyon 1" in names
    assert chosen(candidates) == "Harvard Medical School"


def test_accents_case_and_foreign_forms(directory):
    assert chosen(directory.resolve("UNIVERSITE CLAUDE BERNARD LYON 1")) == (
        "Université Claude Bernard Lyon 1"
    )
    assert chosen(directory.resolve("Universität Würzburg")) == "University of Würzburg"
    assert chosen(directory.resolve("Würzburg University, Germany")) == "University of Würzburg"
    assert chosen(directory.resolve("Hong Kong Univ. of Sci. & Technol., Kowloon")) == (
        "Hong Kong University of Science and Technology"
    )


def test_the_place_in_the_string_tells_same_named_organisations_apart(directory):
    assert chosen(directory.resolve("Inst. Pasteur Shanghai")) == "Institut Pasteur of Shanghai"
    assert chosen(directory.resolve("Institut Pasteur, Paris, France")) == "Institut Pasteur"


def test_an_acronym_alone_is_a_candidate_never_chosen(directory):
    candidates = directory.resolve("CNRS")
    assert [c.name for c in candidates] == ["Centre National de la Recherche Scientifique"]
    assert chosen(candidates) is None
    assert "acronym" in candidates[0].reason


def test_a_string_naming_no_organisation_is_never_chosen(directory):
    for text in ["Department of Medicine", "School of Physics, Faculty of Science", "Lyon"]:
        assert chosen(directory.resolve(text)) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "<script>alert('CNRS')</script>",
        "'; DROP TABLE institutions_institution; --",
        "SELECT * FROM institutions WHERE name = 'Harvard University'",
        "1 OR 1=1",
        "😀🎉🔬",
        "x" * 5000,
    ],
)
def test_bad_input_gives_no_candidate(directory, text):
    assert directory.resolve(text) == []


def test_a_typo_still_finds_the_organisation(directory):
    assert chosen(directory.resolve("Havard Medical School, Boston, USA")) == (
        "Harvard Medical School"
    )


# Reading the database: the API, the admin autocomplete ----------------------------------------


@pytest.fixture
def lyon(db):
    return Institution.objects.create(
        slug="universite-claude-bernard-lyon-1",
        name_fr="Université Claude Bernard Lyon 1",
        name_en="Claude Bernard University Lyon 1",
        acronym="UCBL",
        country="FR",
        city_fr="Lyon",
        city_en="Lyon",
    )


def test_api_answers_the_chosen_organisation_and_its_candidates(client, lyon):
    response = client.get(
        reverse("api:affiliations"), {"q": "Dept. of Medicine, Univ. Claude Bernard Lyon 1"}
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["chosen"]["slug"] == "universite-claude-bernard-lyon-1"
    assert answer["candidates"][0]["chosen"] is True
    assert set(answer["candidates"][0]) == {
        "slug",
        "ror_id",
        "name",
        "country",
        "score",
        "reason",
        "chosen",
        "parent",
    }
    none = client.get(reverse("api:affiliations"), {"q": "Department of Medicine"}).json()
    assert none == {"query": "Department of Medicine", "chosen": None, "candidates": []}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "q", "Give an affiliation to look for."),
        ({"q": "  "}, "q", "Give an affiliation to look for."),
        ({"q": "x" * 1001}, "q", "The affiliation is too long: at most 1,000 characters."),
        ({"q": "Lyon\x00"}, "q", None),
        ({"q": "Lyon", "country": "France"}, "country", "Give a two-letter country code"),
    ],
)
def test_api_refuses_bad_input_with_a_clear_400(client, db, params, field, message):
    response = client.get(reverse("api:affiliations"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()[field]
    if message:
        assert errors[0].startswith(message)


def test_api_says_what_is_wrong_in_french_too(client, db):
    response = client.get(reverse("api:affiliations"), {"q": "x" * 1001}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json()["q"] == [
        "L’affiliation est trop longue\u202f: 1\u202f000 caractères au plus."
    ]


@pytest.mark.parametrize(
    "text",
    ["<b>Lyon 1</b><script>x()</script>", "UCBL' OR 1=1 --", "🏥 Lyon 🇫🇷"],
)
def test_api_answers_html_sql_or_emoji_with_no_wrong_candidate(client, lyon, text):
    response = client.get(reverse("api:affiliations"), {"q": text})
    assert response.status_code == 200
    assert response.json()["chosen"] is None


def test_api_schema_documents_the_affiliations_endpoint(client, db):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/affiliations/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "country"}


def test_admin_autocomplete_finds_the_organisation_of_a_pasted_affiliation(staff_client, lyon):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "mobility",
            "model_name": "mobilityexchange",
            "field_name": "host_institution",
            "term": "Service de cardiologie, Univ. Claude-Bernard Lyon 1, Villeurbanne, France",
        },
    )
    texts = [r["text"] for r in response.json()["results"]]
    assert len(texts) >= 1
    assert texts[0].startswith("Université Claude Bernard Lyon 1")


def test_resolver_sees_the_directory_change(lyon):
    assert resolve_affiliation("Institut Curie, Paris") == []
    Institution.objects.create(
        slug="institut-curie", name_fr="Institut Curie", name_en="Curie Institute", country="FR"
    )
    assert resolve_affiliation("Institut Curie, Paris")[0].slug == "institut-curie"


# The CI-size evaluation -------------------------------------------------------------------------


def test_eval_affiliations_on_the_gold_subset(db):
    call_command("import_ror", str(DATA / "affiliations-ror.json.gz"), verbosity=0)
    out = io.StringIO()
    call_command("eval_affiliations", str(DATA / "affiliations-gold.csv"), stdout=out)
    printed = out.getvalue()
    assert "rows with a label in the directory: 200" in printed
    for figure in ["precision at 1", "chosen share", "precision of chosen", "strings per second"]:
        assert figure in printed
    figures = evaluate(DATA / "affiliations-gold.csv")
    met = figures.met()
    # The targets met today: `chosen` on ≥ 85 % of the rows, ≥ 200 strings/s, ≤ 500 MB.
    assert met["chosen_share"], figures.lines()
    assert met["strings_per_second"], figures.lines()
    assert met["peak_memory_mb"], figures.lines()
    # Not met yet (targets 0.92 and 0.97; measured 0.890 and 0.929 on this subset): floors that
    # keep the resolver from getting worse until they are.
    assert figures.precision_at_1 >= 0.88, figures.lines()
    assert figures.chosen_precision >= 0.92, figures.lines()
