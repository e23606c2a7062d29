"""The programme's journey in a real Chromium, through the interface only: a researcher signs
in by the e-mailed link, applies and gets a receipt; staff assign two reviewers; each scores;
staff award; the mobility exists with its checklist; the fellow uploads the final report."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from backoffice.roles import EDITOR
from mobility.models import MobilityExchange
from programmes.models import Application, ChecklistItem

from .conftest import PDF, reviewer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def follow_emailed_link(page, email: str) -> None:
    """Types the address, then opens the link the e-mail carries and continues."""
    mail.outbox.clear()
    page.get_by_label("Votre adresse électronique").fill(email)
    page.get_by_role("button", name=re.compile("un lien de connexion")).click()
    expect(page.get_by_role("heading", name="Consultez votre messagerie")).to_be_visible()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Continuer").click()


def test_a_researcher_applies_reviewers_score_staff_award_and_the_fellow_reports(
    browser, page, live_server, world, django_user_model, tmp_path
):
    call = world["call"]
    ann = reviewer("Ann", call=call)
    bob = reviewer("Bob", call=call)
    reviewer("Colleague", institution=world["lyon"], call=call)
    staffer = django_user_model.objects.create_user(
        "manager", password="pw-Lyon-2026", is_staff=True
    )
    staffer.groups.add(Group.objects.get(name=EDITOR))
    cv, letter = tmp_path / "cv.pdf", tmp_path / "invitation.pdf"
    cv.write_bytes(PDF)
    letter.write_bytes(PDF)

    # The researcher finds the call, signs in by e-mail and fills the form.
    page.goto(f"{live_server.url}/fr/appels/")
    page.get_by_role("link", name="Mobilité Shanghai 2027").click()
    page.get_by_role("link", name="Candidater").click()
    follow_emailed_link(page, "lina@example.org")
    expect(page.get_by_role("heading", name=re.compile("Candidature"))).to_be_visible()
    page.fill("#id_first_name", "Lina")
    page.fill("#id_last_name", "Martin")
    page.select_option("#id_career_stage", "phd")
    page.select_option("#id_clara_institution", label="Centre Léon Bérard")
    page.select_option("#id_team", label="Équipe Lyon")
    page.get_by_label("Trouvez-le par son nom, son sigle ou une affiliation entière").fill("Fudan")
    page.get_by_label(re.compile("Université Fudan")).check()
    expect(page.locator("#host-chosen")).to_contain_text("Université Fudan")
    page.fill("#id_host_contact", "Prof. Gao")
    page.fill("#id_start_date", "2027-09-01")
    page.fill("#id_end_date", "2027-12-31")
    page.fill("#id_requested_amount", "4000")
    page.fill("#id_project_title", "Cellules souches du foie")
    page.fill("#id_project", "Quatre mois dans l'équipe du Pr Gao.")
    page.check("#id_consent")
    page.set_input_files("#id_document_cv", str(cv))
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("Votre brouillon est enregistré.")).to_be_visible()
    expect(page.get_by_text(re.compile("Le document .* manque"))).to_be_visible()
    page.set_input_files("#id_document_invitation", str(letter))
    page.get_by_role("button", name="Déposer", exact=True).click()
    expect(page.get_by_role("heading", name="Candidature reçue")).to_be_visible()
    application = Application.objects.get()
    expect(page.locator("#reference")).to_have_text(application.reference)
    assert application.reference in mail.outbox[-1].subject

    # Staff find the application from the calls and assign two reviewers (never the colleague).
    staff = browser.new_context(locale="fr-FR").new_page()
    staff.goto(f"{live_server.url}/admin/login/")
    staff.fill("#id_username", "manager")
    staff.fill("#id_password", "pw-Lyon-2026")
    staff.click("#login-form [type=submit]")
    staff.wait_for_url(re.compile(r"/admin/$"))
    staff.get_by_role("link", name="Appels", exact=True).first.click()
    staff.get_by_role("link", name="Candidatures", exact=True).first.click()
    expect(staff.locator("#applications")).to_contain_text("éligible")
    staff.get_by_role("link", name=application.reference).click()
    options = staff.locator("#id_reviewer option").all_text_contents()
    assert "Colleague" not in options
    for name in ("Ann", "Bob"):
        staff.select_option("#id_reviewer", label=name)
        staff.get_by_role("button", name="Désigner").click()
        expect(staff.locator("#assignments")).to_contain_text(name)

    # Each reviewer signs in by e-mail and scores every criterion.
    for expert, marks in ((ann, ("5", "4")), (bob, ("4", "4"))):
        own = browser.new_context(locale="fr-FR").new_page()
        own.goto(f"{live_server.url}/fr/appels/sign-in/")
        follow_emailed_link(own, expert.user.email)
        own.get_by_role("link", name=re.compile(application.reference)).click()
        selects = own.locator("#scores select")
        for index, mark in enumerate(marks):
            selects.nth(index).select_option(mark)
        own.get_by_role("button", name="Enregistrer mes notes").click()
        expect(own.get_by_text("Vos notes sont enregistrées.")).to_be_visible()
        own.context.close()

    # Staff read the ranking, then award.
    staff.get_by_role("link", name="Mobilité Shanghai 2027").click()
    staff.get_by_role("link", name="Classement").click()
    expect(staff.locator("#ranking")).to_contain_text(application.reference)
    staff.get_by_role("link", name=application.reference).click()
    staff.select_option("#id_outcome", "awarded")
    staff.fill("#id_amount", "4000")
    staff.get_by_role("button", name="Enregistrer la décision").click()
    expect(staff.locator("#decision")).to_contain_text("Retenue")
    mobility = MobilityExchange.objects.get()
    assert mobility.host_institution == world["host"]
    assert mobility.partnership == world["partnership"]
    assert ChecklistItem.objects.filter(mobility=mobility).count() == 6

    # The fellow sees the checklist and uploads the final report.
    page.get_by_role("link", name="Mes candidatures").click()
    expect(page.get_by_text("Retenue")).to_be_visible()
    page.set_input_files("#id_report", str(cv))
    page.get_by_role("button", name="Déposer").click()
    expect(page.get_by_text("Votre rapport final est reçu.")).to_be_visible()
    report = ChecklistItem.objects.get(kind=ChecklistItem.Kind.REPORT)
    assert report.done_at is not None
    assert report.file
