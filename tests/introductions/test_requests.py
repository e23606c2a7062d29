"""The introduction form: validation in both languages, honeypot, limits, e-mails, nothing
written on bad input."""

import pytest
from django.core import mail
from django.utils import translation

from institutions.models import Institution
from introductions.models import IntroductionRequest
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(settings):
    settings.INTRODUCTION_OFFICE_EMAIL = "international@example.org"
    return settings.INTRODUCTION_OFFICE_EMAIL


@pytest.fixture
def partner_team():
    return f.TeamFactory(slug="gao-lab", name_fr="Équipe Gao", name_en="Gao team")


@pytest.fixture
def clara_team():
    lyon = f.InstitutionFactory(
        name_fr="Centre Léon Bérard",
        country="FR",
        network_role=Institution.NetworkRole.REGIONAL_MEMBER,
    )
    return f.TeamFactory(institution=lyon, name_fr="Équipe Lyon", name_en="Lyon team")


def valid(clara_team=None, **changes) -> dict:
    data = {
        "name": "Claire Martin",
        "email": "claire.martin@example.fr",
        "clara_team": clara_team.pk if clara_team else "",
        "message": "We look for a partner on liver cancer stem cells for a joint grant.",
        "consent": "on",
        "website": "",
    }
    return {**data, **changes}


def post(client, lang: str, data: dict, url: str = "/{lang}/introductions/team/gao-lab/"):
    with translation.override(lang):
        return client.post(url.format(lang=lang), data, REMOTE_ADDR="203.0.113.9")


def test_the_form_names_the_record_and_lists_clara_teams(client, partner_team, clara_team):
    page = client.get("/en/introductions/team/gao-lab/").content.decode()
    assert "Gao team" in page
    assert "Lyon team" in page
    assert "My team is not listed" in page
    assert 'name="website"' in page
    assert " hidden" in page


def test_a_request_is_recorded_and_both_emails_sent(
    client, partner_team, clara_team, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "fr", valid(clara_team))
    assert response.status_code == 302
    request = IntroductionRequest.objects.get()
    assert (request.team, request.clara_team, request.language) == (partner_team, clara_team, "fr")
    assert request.status == "new"
    assert request.consent_at
    assert request.client
    assert len(request.client) == 32
    assert "203.0.113.9" not in request.client
    to_office, acknowledgement = mail.outbox
    assert to_office.to == [office]
    assert to_office.reply_to == ["claire.martin@example.fr"]
    assert "Claire Martin" in to_office.body
    assert f"/admin/introductions/introductionrequest/{request.pk}/change/" in to_office.body
    assert acknowledgement.to == ["claire.martin@example.fr"]
    assert "a bien reçu votre demande" in acknowledgement.body  # in the researcher's language
    assert "Équipe Gao" in acknowledgement.subject


def test_english_acknowledgement(client, partner_team, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, "en", valid())
    assert "has received your request" in mail.outbox[1].body


@pytest.mark.parametrize(
    ("lang", "changes", "field", "message"),
    [
        ("en", {"name": ""}, "name", "This field is required."),
        ("fr", {"name": ""}, "name", "Ce champ est obligatoire."),
        ("en", {"email": "not-an-address"}, "email", "Enter a valid email address."),
        ("fr", {"email": "not-an-address"}, "email", "Saisissez une adresse e-mail valide."),
        ("en", {"consent": ""}, "consent", "Please tick the box"),
        ("fr", {"consent": ""}, "consent", "Veuillez cocher la case"),
        ("en", {"message": "x" * 2001}, "message", "at most 2000 characters"),
        ("fr", {"message": "x" * 2001}, "message", "2000 caractères"),
        ("en", {"message": "too short"}, "message", "at least 20 characters"),
        ("fr", {"name": "N" * 201}, "name", "200 caractères"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_writes_nothing(
    client, partner_team, office, lang, changes, field, message
):
    response = post(client, lang, valid(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}-errors"' in page
    errors = page.split(f'id="id_{field}-errors">')[1].split("</p>")[0]
    assert message in errors.replace("\u202f", " ").replace("\xa0", " ")
    assert not IntroductionRequest.objects.exists()
    assert not mail.outbox


def test_a_robot_filling_the_hidden_field_is_thanked_but_nothing_is_kept(
    client, partner_team, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "en", valid(website="http://spam.example"))
    assert response.status_code == 302
    assert not IntroductionRequest.objects.exists()
    assert not mail.outbox


def test_requests_per_address_are_limited(client, partner_team, settings, office):
    settings.INTRODUCTION_PER_ADDRESS_DAY = 2
    for _ in range(2):
        assert post(client, "en", valid()).status_code == 302
    response = post(client, "fr", valid(email="CLAIRE.martin@example.fr"))
    assert response.status_code == 429
    assert "réessayer demain" in response.content.decode()
    assert IntroductionRequest.objects.count() == 2


def test_requests_per_client_are_limited(client, partner_team, settings, office):
    settings.INTRODUCTION_PER_CLIENT_HOUR = 2
    for n in range(2):
        assert post(client, "en", valid(email=f"r{n}@example.org")).status_code == 302
    response = post(client, "en", valid(email="other@example.org"))
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert IntroductionRequest.objects.count() == 2


@pytest.mark.parametrize(
    "url",
    [
        "/en/introductions/team/unknown/",
        "/en/introductions/collaboration/hidden/",
        "/en/introductions/person/anyone/",
    ],
)
def test_only_public_records_can_be_asked_about(client, url):
    f.PartnershipFactory(slug="hidden", is_public=False)
    assert client.get(url).status_code == 404


def test_every_public_page_and_result_links_to_the_form(client):
    team = f.TeamFactory(slug="gao-lab", name_en="Gao liver team")
    partnership = f.PartnershipFactory(slug="shanghai", name_en="Shanghai liver programme")
    f.PartnershipMemberFactory(partnership=partnership, institution=team.institution)
    pages = {
        f"/en/institutions/teams/{team.slug}/": "/en/introductions/team/gao-lab/",
        team.institution.get_absolute_url().replace("/fr/", "/en/"): (
            f"/en/introductions/institution/{team.institution.slug}/"
        ),
        "/en/collaborations/shanghai/": "/en/introductions/collaboration/shanghai/",
        "/en/search/?q=liver": "/en/introductions/team/gao-lab/",
        "/en/search/?q=liver&type=collaborations": "/en/introductions/collaboration/shanghai/",
        "/en/search/?q=Institute&type=institutions": (
            f"/en/introductions/institution/{team.institution.slug}/"
        ),
    }
    with translation.override("en"):
        for page, link in pages.items():
            html = client.get(page).content.decode()
            assert f'href="{link}"' in html, page
            assert "Request an introduction" in html
            assert "canceropole-clara.com" not in html.split("<footer")[0], page
