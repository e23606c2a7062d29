"""Introductions and saved searches in Chromium, through the interface only: a researcher asks
for an introduction, staff answer it; a visitor follows a search until they stop it."""

import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from backoffice.roles import EDITOR
from contacts.models import PartnerContact
from institutions.models import Institution
from introductions.models import IntroductionRequest
from savedsearches import services as saved_searches
from savedsearches.models import SavedSearch
from tests import factories as f
from tests.public.test_journeys import results, search_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

TEAM = {"fr": "Équipe du Pr Gao – cellules souches", "en": "Prof Gao's team – stem cells"}


@pytest.fixture
def lyon_team(clara_dataset, settings):
    settings.INTRODUCTION_OFFICE_EMAIL = "international@example.org"
    clermont = Institution.objects.get(slug="universite-clermont-auvergne")
    return f.TeamFactory(
        institution=clermont,
        name_fr="Équipe Lyon – immunologie",
        name_en="Lyon immunology team",
        slug="lyon-immuno",
    )


def team_label(team, language: str) -> str:
    with translation.override(language):
        return f"{team.name} ({team.institution})"


def open_home(page, url: str, language: str):
    page.goto(f"{url}/fr/")
    if language == "en":
        page.get_by_role("link", name="English").click()
        page.wait_for_url(re.compile(r"/en/$"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_researcher_requests_an_introduction_and_staff_introduce_them(
    page, live_server, lyon_team, make_staff, language
):
    french = language == "fr"
    gao = IntroductionRequest._meta.get_field("team").related_model.objects.get(
        slug="gao-stem-cell-team"
    )
    PartnerContact.objects.create(
        name="Li Wei",
        role="international_office",
        email="li.wei@example.cn",
        institution=gao.institution,
    )
    make_staff(EDITOR, "editor")

    # The researcher: a search, the team, the form.
    open_home(page, live_server.url, language)
    search_for(page, "cancer du foie" if french else "liver cancer")
    expect(results(page).first).to_have_text(TEAM[language])
    results(page).first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(TEAM[language])
    page.get_by_role(
        "link", name="Demander une mise en relation" if french else "Request an introduction"
    ).click()
    expect(page.locator("main")).to_contain_text(TEAM[language])
    page.get_by_label("Votre nom" if french else "Your name").fill("Claire Martin")
    page.get_by_label("Votre adresse électronique" if french else "Your e-mail address").fill(
        "claire.martin@example.fr"
    )
    page.get_by_label("Votre équipe CLARA" if french else "Your CLARA team").select_option(
        label=team_label(lyon_team, language)
    )
    message = "Que recherchez-vous ?" if french else "What are you looking for?"
    page.get_by_label(message).fill("short")
    page.get_by_label(re.compile("J'accepte|J’accepte|I agree")).check()
    page.get_by_role("button", name="Envoyer la demande" if french else "Send the request").click()
    expect(page.locator("#id_message-errors")).to_contain_text("20")  # too short, said why
    assert not IntroductionRequest.objects.exists()
    page.get_by_label(message).fill("A partner on liver cancer stem cells for a joint grant.")
    page.get_by_role("button", name="Envoyer la demande" if french else "Send the request").click()
    expect(page.locator("h1")).to_have_text(
        "Votre demande a été envoyée" if french else "Your request has been sent"
    )
    office, acknowledgement = mail.outbox
    assert office.to == ["international@example.org"]
    assert acknowledgement.to == ["claire.martin@example.fr"]
    assert ("a bien reçu" if french else "has received") in acknowledgement.body

    # Staff: the request in the back-office, who we know there, introduced.
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.get_by_role("link", name="Demandes de mise en relation", exact=True).first.click()
    page.get_by_role("link", name=re.compile("Claire Martin")).first.click()
    expect(page.locator("body")).to_contain_text("Qui connaissons-nous là-bas")
    expect(page.locator("body")).to_contain_text("li.wei@example.cn")
    page.select_option("#id_status", label="Mise en relation faite")
    page.fill("#id_notes", "Présentée à Li Wei par courriel.")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/introductions/introductionrequest/$"))
    request = IntroductionRequest.objects.get()
    assert request.status == "introduced"
    assert request.closed_at is not None


def test_visitor_follows_a_search_gets_the_new_team_and_unsubscribes(page, live_server, lyon_team):
    open_home(page, live_server.url, "en")
    search_for(page, "liver cancer")
    page.get_by_role("link", name="Get an e-mail when new results appear").click()
    page.get_by_label("Your e-mail address").fill("ana@example.org")
    page.get_by_role("button", name="Follow this search").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")

    (confirmation,) = mail.outbox
    page.goto(re.search(r"https?://\S+/confirm/\S+/", confirmation.body).group(0))
    page.get_by_role("button", name="Confirm and follow this search").click()
    expect(page.locator("h1")).to_have_text("Search saved")
    assert SavedSearch.objects.get().is_confirmed

    # A new matching team is published, then the digest runs.
    f.TeamFactory(
        institution=Institution.objects.get(slug="renji-stem-cell-research-center"),
        name_fr="Équipe du foie de Renji",
        name_en="Renji liver cancer team",
        slug="renji-liver",
    )
    saved_searches.send_digests()
    digest = mail.outbox[-1]
    assert "Renji liver cancer team" in digest.body
    assert "/en/institutions/teams/renji-liver/" in digest.body

    page.goto(re.search(r"https?://\S+/unsubscribe/\S+/", digest.body).group(0))  # one click
    expect(page.locator("h1")).to_have_text("Unsubscribed")
    assert not SavedSearch.objects.exists()
