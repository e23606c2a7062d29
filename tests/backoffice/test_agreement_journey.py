"""The agreements manager's journey in a real Chromium, through the interface only."""

import datetime
import re

import pytest
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, VIEWER
from partnerships.models import Agreement
from tests.factories import InstitutionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
REFERENCE = "LYON-REHOVOT-1"


def french(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def log_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def choose(page, field_id: str, text: str) -> None:
    """Pick a value in an admin autocomplete (select2) widget."""
    page.locator(f"#{field_id}").locator("xpath=following-sibling::span[1]").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_agreements_manager_registers_a_confidential_agreement_and_renews_it(
    page, browser, live_server, make_staff, tmp_path
):
    """Persona: agreements manager. They register a confidential agreement with two parties
    picked from the directory and its signed PDF, see its deadline on the dashboard, renew it
    from there (a prefilled form), and see the renewal in progress. A Viewer then finds it
    nowhere: not in the list, not at its address, not on the dashboard, not on the public site."""
    make_staff(AGREEMENTS_MANAGER, "manager")
    make_staff(VIEWER, "viewer")
    InstitutionFactory(name_fr="Institut Weizmann des sciences", name_en="Weizmann Institute")
    InstitutionFactory(name_fr="Cancéropôle CLARA", name_en="CLARA cancer cluster")
    signed = tmp_path / "accord-signe.pdf"
    signed.write_bytes(PDF)
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=700), today + datetime.timedelta(days=75)

    # Register the agreement from the admin index.
    log_in(page, live_server.url, "manager")
    page.get_by_role("link", name="Accords", exact=True).first.click()
    page.locator("a.addlink").click()
    page.fill("#id_reference", REFERENCE)
    page.fill("#id_title_fr", "Accord Lyon – Rehovot")
    page.fill("#id_title_en", "Lyon – Rehovot agreement")
    page.select_option("#id_kind", "collaboration")
    page.select_option("#id_status", "in_force")
    page.check("#id_is_confidential")
    page.fill("#id_signed_on", start.isoformat())
    page.fill("#id_start_date", french(start))
    page.fill("#id_end_date", french(end))
    page.fill("#id_renewal_notice_days", "60")
    choose(page, "id_parties-0-institution", "Institut Weizmann")
    page.locator("#parties-group  a.add-row").click()
    choose(page, "id_parties-1-institution", "Cancéropôle CLARA")
    page.locator("#documents-group  a.add-row").click()
    page.fill("#id_documents-0-title", "Accord signé")
    page.set_input_files("#id_documents-0-file", str(signed))
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/partnerships/agreement/$"))
    agreement = Agreement.objects.get(reference=REFERENCE)
    assert agreement.is_confidential
    assert list(agreement.parties.values_list("institution__name_fr", flat=True)) == [
        "Institut Weizmann des sciences",
        "Cancéropôle CLARA",
    ]
    document = agreement.documents.get()
    assert document.file.read() == PDF

    try:
        # Its deadlines on the dashboard; renew it from there.
        page.get_by_role("link", name="Tableau de bord").first.click()
        page.wait_for_url(re.compile(r"/admin/$"))
        assert page.locator(".clara-ending li", has_text=REFERENCE).count() == 1
        notice = page.locator(".clara-notices li", has_text=REFERENCE)
        assert (end - datetime.timedelta(days=60)).strftime("%Y") in notice.inner_text()
        notice.locator(".renew-link").click()
        page.wait_for_url(re.compile(r"/renew/$"))
        suggested = f"{REFERENCE}-{(end + datetime.timedelta(days=1)).year}"
        assert page.locator("#id_reference").input_value() == suggested
        assert page.locator("#id_title_fr").input_value() == "Accord Lyon – Rehovot"
        new_start = end + datetime.timedelta(days=1)
        assert page.locator("#id_start_date").input_value() == french(new_start)
        chosen = page.locator(".field-parties .select2-selection__choice").all_inner_texts()
        assert any("Weizmann" in text for text in chosen)
        assert any("CLARA" in text for text in chosen)
        page.fill("#id_reference", "LYON-REHOVOT-2")  # adjusted
        page.click("[name=_save]")
        page.wait_for_url(re.compile(r"/admin/partnerships/agreement/\d+/change/$"))
        assert page.locator(".messagelist .success").count() == 1
        assert page.locator(".renewal-note", has_text=REFERENCE).count() == 1

        page.get_by_role("link", name="Tableau de bord").first.click()
        page.wait_for_url(re.compile(r"/admin/$"))
        assert page.locator(".clara-ending li", has_text=REFERENCE).count() == 0
        assert page.locator(".clara-notices li", has_text=REFERENCE).count() == 0
        renewing = page.locator(".clara-renewing li", has_text=REFERENCE)
        assert "LYON-REHOVOT-2" in renewing.inner_text()
        renewing.get_by_role("link", name=re.compile(REFERENCE)).click()
        page.wait_for_url(re.compile(rf"/agreement/{agreement.pk}/change/$"))
        note = page.locator(".renewal-note").inner_text()
        assert re.search(r"(renewal|renouvellement) in progress|en cours", note, re.I)
        assert "LYON-REHOVOT-2" in note
        successor = Agreement.objects.get(reference="LYON-REHOVOT-2")
        assert (successor.status, successor.is_public, successor.is_confidential) == (
            "draft",
            False,
            True,
        )
        assert successor.parties.count() == 2

        # A Viewer finds it nowhere.
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        viewer = context.new_page()
        viewer.set_default_timeout(15_000)
        log_in(viewer, live_server.url, "viewer")
        assert viewer.get_by_text("LYON-REHOVOT").count() == 0  # the dashboard
        viewer.get_by_role("link", name="Accords", exact=True).first.click()
        viewer.wait_for_url(re.compile(r"/admin/partnerships/agreement/$"))
        assert viewer.get_by_text("LYON-REHOVOT").count() == 0
        response = viewer.goto(
            f"{live_server.url}/admin/partnerships/agreement/{agreement.pk}/change/"
        )
        assert response.status == 404
        viewer.goto(f"{live_server.url}/fr/")
        viewer.locator("header").get_by_role("link", name=re.compile("partenaires", re.I)).click()
        viewer.fill("#id_q", "Rehovot")
        viewer.press("#id_q", "Enter")
        viewer.wait_for_url(re.compile(r"q=Rehovot"))
        results = viewer.locator("#results")
        results.locator(".result-count").wait_for()
        assert results.get_by_text(re.compile("LYON-REHOVOT|Accord Lyon")).count() == 0
        context.close()
    finally:
        document.file.delete(save=False)
