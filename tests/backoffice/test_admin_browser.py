"""A staff member in a real Chromium: creates an institution and a three-party agreement."""

import re

import pytest

from institutions.models import Institution
from partnerships.models import Agreement
from tests.factories import InstitutionFactory, PartnershipFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def choose(page, field_id: str, text: str) -> None:
    """Pick a value in an admin autocomplete (select2) widget."""
    page.locator(f"#{field_id}").locator("xpath=following-sibling::span[1]").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_officer_creates_institution_and_three_party_agreement(
    page, live_server, django_user_model
):
    django_user_model.objects.create_superuser("officer", "officer@example.org", "pw-Lyon-2026")
    PartnershipFactory(name_fr="Coopération Weizmann", name_en="Weizmann cooperation")
    InstitutionFactory(name_fr="Région Auvergne-Rhône-Alpes", name_en="Auvergne-Rhône-Alpes Region")
    InstitutionFactory(name_fr="Cancéropôle CLARA", name_en="CLARA cancer cluster")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/institutions/institution/add/")
    page.fill("#id_name_fr", "Institut Weizmann des sciences")
    page.fill("#id_name_en", "Weizmann Institute of Science")
    page.fill("#id_slug", "weizmann-institute")
    page.select_option("#id_kind", "research_institute")
    page.select_option("#id_country", "IL")
    page.fill("#id_city_fr", "Rehovot")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/institutions/institution/$"))
    assert page.locator("#result_list", has_text="Institut Weizmann des sciences").count() == 1
    institute = Institution.objects.get(slug="weizmann-institute")
    assert (institute.name_en, institute.kind, institute.country.code, institute.city_fr) == (
        "Weizmann Institute of Science",
        "research_institute",
        "IL",
        "Rehovot",
    )

    page.goto(f"{live_server.url}/admin/partnerships/agreement/add/")
    page.fill("#id_reference", "ARA-WIS-CLARA")
    page.fill("#id_slug", "ara-wis-clara")
    page.fill("#id_title_fr", "Accord Région – Weizmann – CLARA")
    page.fill("#id_title_en", "Region – Weizmann – CLARA agreement")
    page.select_option("#id_kind", "partnership")
    page.select_option("#id_status", "signed")
    page.fill("#id_signed_on", "2018-03-08")
    add_party = page.locator("#parties-group  a.add-row")
    for index, name in enumerate(["Région Auvergne", "Institut Weizmann", "Cancéropôle CLARA"]):
        if index:
            add_party.click()
        choose(page, f"id_parties-{index}-institution", name)
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/partnerships/agreement/$"))

    row = page.locator("#result_list tr", has_text="ARA-WIS-CLARA")
    assert row.count() == 1
    assert "Weizmann" in row.inner_text()
    agreement = Agreement.objects.get(reference="ARA-WIS-CLARA")
    assert list(agreement.parties.values_list("institution__name_fr", flat=True)) == [
        "Région Auvergne-Rhône-Alpes",
        "Institut Weizmann des sciences",
        "Cancéropôle CLARA",
    ]
    assert agreement.signed_on.isoformat() == "2018-03-08"
    assert not [e for e in errors if "Content Security Policy" in e], errors
