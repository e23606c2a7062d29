"""ROR match proposals are decided on their page with Accept and Reject (the services record
the reviewer); their fields are not edited by hand."""

import re

import pytest
from django.test import Client

from backoffice.roles import EDITOR, VIEWER
from institutions.models import Institution, RorMatch
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def proposal(name: str, proposed: str, **institution) -> RorMatch:
    return RorMatch.objects.create(
        institution=InstitutionFactory(name_fr=name, name_en=name, **institution),
        ror_id=proposed,
        ror_name=f"{name} (ROR)",
        confidence="0.850",
        reasons="name",
    )


def page_of(match) -> str:
    return f"/admin/institutions/rormatch/{match.pk}/change/"


def loaded_version(client, match) -> str:
    return client.get(page_of(match)).context["adminform"].form.initial["loaded_version"]


def test_an_editor_cannot_set_status_ror_id_or_institution_by_hand(role_client):
    match = proposal("Cancéropôle Grand Sud-Ouest", "01cmnjq37")
    other = InstitutionFactory(name_en="Another organisation")
    client = role_client(EDITOR)
    response = client.post(
        page_of(match),
        {
            "loaded_version": loaded_version(client, match),
            "status": RorMatch.Status.ACCEPTED,
            "ror_id": "02feahw73",
            "institution": other.pk,
            "_save": "Save",
        },
    )
    assert response.status_code in {200, 302}
    match.refresh_from_db()
    assert (match.status, match.ror_id, match.institution_id) == (
        RorMatch.Status.PROPOSED,
        "01cmnjq37",
        match.institution.pk,
    )
    assert match.institution.ror_id in ("", None)


def test_accept_links_the_institution_and_records_the_reviewer(role_client):
    match = proposal("Centre Léon Bérard", "01cmnjq37")
    client = role_client(EDITOR)
    page = client.get(page_of(match)).content.decode()
    assert 'name="_accept"' in page
    assert 'name="_reject"' in page
    response = client.post(
        page_of(match),
        {"loaded_version": loaded_version(client, match), "_accept": "1"},
        follow=True,
    )
    assert "is now linked to ROR 01cmnjq37" in response.content.decode()
    match.refresh_from_db()
    assert match.status == RorMatch.Status.ACCEPTED
    assert match.reviewed_by.username == "staff-editor"
    assert Institution.objects.get(pk=match.institution_id).ror_id == "01cmnjq37"
    page = client.get(page_of(match)).content.decode()
    assert 'name="_accept"' not in page  # decided: no buttons any more


def test_reject_records_the_reviewer(role_client):
    match = proposal("Centre Léon Bérard", "01cmnjq37")
    client = role_client(EDITOR)
    client.post(page_of(match), {"loaded_version": loaded_version(client, match), "_reject": "1"})
    match.refresh_from_db()
    assert (match.status, match.reviewed_by.username) == (RorMatch.Status.REJECTED, "staff-editor")
    assert not Institution.objects.get(pk=match.institution_id).ror_id


def test_a_failed_link_is_a_message(role_client):
    match = proposal("Centre Léon Bérard", "01cmnjq37", ror_id="02feahw73")
    client = role_client(EDITOR)
    response = client.post(
        page_of(match),
        {"loaded_version": loaded_version(client, match), "_accept": "1"},
        follow=True,
    )
    assert "is already linked to ROR id 02feahw73" in response.content.decode()
    match.refresh_from_db()
    assert match.status == RorMatch.Status.PROPOSED


def test_a_decision_on_an_outdated_page_is_refused(make_staff):
    match = proposal("Centre Léon Bérard", "01cmnjq37")
    alice, bob = Client(), Client()
    alice.force_login(make_staff(EDITOR, "alice"))
    bob.force_login(make_staff(EDITOR, "bob"))
    alice_version = loaded_version(alice, match)
    bob.post(page_of(match), {"loaded_version": loaded_version(bob, match), "_reject": "1"})
    response = alice.post(
        page_of(match),
        {"loaded_version": alice_version, "_accept": "1"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "This record was changed by bob" in response.content.decode()
    match.refresh_from_db()
    assert (match.status, match.reviewed_by.username) == (RorMatch.Status.REJECTED, "bob")


def test_a_viewer_decides_nothing(role_client):
    match = proposal("Centre Léon Bérard", "01cmnjq37")
    client = role_client(VIEWER)
    assert 'name="_accept"' not in client.get(page_of(match)).content.decode()
    response = client.post(page_of(match), {"loaded_version": "x", "_accept": "1"})
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.status == RorMatch.Status.PROPOSED


def test_a_decision_is_never_reverted_from_the_history(role_client):
    match = proposal("Centre Léon Bérard", "01cmnjq37")
    client = role_client(EDITOR)
    client.post(page_of(match), {"loaded_version": loaded_version(client, match), "_reject": "1"})
    first = match.history.earliest().history_id
    url = f"/admin/institutions/rormatch/{match.pk}/history/{first}/"
    assert 'name="_save"' not in client.get(url).content.decode()
    response = client.post(url, {"loaded_version": loaded_version(client, match)})
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.status == RorMatch.Status.REJECTED


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reviewer_accepts_and_rejects_proposals_from_their_pages(page, live_server, make_staff):
    """Persona: reviewer (an Editor, the role that reviews ROR proposals). From the admin index
    they open the proposals, accept one from its page and see the institution linked, then
    reject another."""
    make_staff(EDITOR, "reviewer")
    proposal("Centre Léon Bérard", "01cmnjq37")
    proposal("Université Jean Monnet", "04yznqr36")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.get_by_role(
        "link", name=re.compile("propositions de correspondance ROR", re.I)
    ).first.click()
    page.get_by_role("link", name=re.compile("Centre Léon Bérard")).first.click()
    page.get_by_role("button", name=re.compile("Accepter")).click()
    page.wait_for_url(re.compile(r"/rormatch/\d+/change/$"))
    assert page.locator(".messagelist").get_by_text(re.compile("01cmnjq37")).count() == 1
    page.locator(".field-institution a").click()
    page.wait_for_url(re.compile(r"/institution/\d+/change/$"))
    assert page.locator("#id_ror_id").input_value() == "01cmnjq37"

    page.get_by_role("link", name="Tableau de bord").first.click()  # back to the admin index
    page.get_by_role(
        "link", name=re.compile("propositions de correspondance ROR", re.I)
    ).first.click()
    page.get_by_role("link", name=re.compile("Université Jean Monnet")).first.click()
    page.get_by_role("button", name=re.compile("Refuser")).click()
    page.wait_for_url(re.compile(r"/rormatch/\d+/change/$"))
    assert page.locator(".field-status").get_by_text(re.compile("Refus")).count() == 1
    jean_monnet = RorMatch.objects.get(ror_id="04yznqr36")
    assert (jean_monnet.status, jean_monnet.reviewed_by.username) == ("rejected", "reviewer")
    assert not jean_monnet.institution.ror_id


def test_the_reasons_of_a_proposal_read_in_the_page_language(role_client):
    match = proposal("Oncopole", "01cmnjq37")
    match.reasons = "similar name (87%), same country, 12 km away, inactive"
    match.save()
    client = role_client(VIEWER)

    french = client.get("/admin/institutions/rormatch/", HTTP_ACCEPT_LANGUAGE="fr").text
    english = client.get("/admin/institutions/rormatch/", HTTP_ACCEPT_LANGUAGE="en").text
    change = client.get(page_of(match), HTTP_ACCEPT_LANGUAGE="fr").text

    expected = "nom proche (87\u00a0%), même pays, à 12\u00a0km, inactive dans ROR"
    assert expected in french
    assert expected in change
    assert "similar name (87%), same country, 12 km away, inactive in ROR" in english
    assert "same country" not in french + change
