"""Researcher journeys in Chromium through the thesaurus: from the home page, typing the
field's words as people do (French, English, a typo) and pressing Enter."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

TEAM = {"fr": "Équipe du Pr Gao – cellules souches", "en": "Prof Gao's team – stem cells"}
COLLABORATIONS = {"fr": "Collaborations", "en": "Collaborations"}
INSTITUTIONS = {"fr": "Institutions", "en": "Institutions"}


@pytest.fixture
def home(page, live_server, clara_dataset):
    def open_home(language: str):
        page.set_viewport_size({"width": 1440, "height": 900})
        page.goto(f"{live_server.url}/fr/")
        if language == "en":
            page.get_by_role("link", name="English").click()
            page.wait_for_url(re.compile(r"/en/$"))
        return page

    return open_home


def search_from_home(page, words: str):
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))


def results(page):
    return page.locator("#results .result h2")


def look_for(page, language: str, kind: dict):
    page.get_by_role("radio", name=kind[language]).check()
    expect(page).to_have_url(re.compile(r"type="))


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "hépatocarcinome"), ("en", "liver cancer"), ("fr", "carcinome hepatocelulaire")],
)
def test_researcher_finds_the_shanghai_liver_cancer_work_in_their_own_words(home, language, words):
    """Researcher: looking for partners in China on liver cancer, in the words of their
    field (the usual French word, the English one, a misspelt French term), from the home page."""
    page = home(language)
    search_from_home(page, words)
    expect(results(page).first).to_have_text(TEAM[language])
    expect(page.locator(".thesaurus-note")).to_contain_text(
        "Carcinome hépatocellulaire" if language == "fr" else "Liver cancer"
    )
    look_for(page, language, COLLABORATIONS)
    expect(results(page).first).to_have_text("CLARA International Shanghai")
    if language == "fr":  # its page says "carcinome hépatocellulaire": the reason is given
        expect(page.locator(".thesaurus-reason").first).to_contain_text(
            "correspond à\u00a0: Carcinome hépatocellulaire"
        )


def test_researcher_asks_for_china_and_sees_chinese_institutions_first(home):
    """Researcher: "Chine" typed on the home page lists the partners in China."""
    page = home("fr")
    search_from_home(page, "Chine")
    look_for(page, "fr", INSTITUTIONS)
    expect(page.locator("#results .result .meta").first).to_contain_text("Chine")
    expect(page.locator("ol.results").last).not_to_contain_text("Région Auvergne-Rhône-Alpes")
