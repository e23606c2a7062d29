"""An editor's round trip through a French spreadsheet, in a real Chromium."""

import csv
import datetime
import io
import re

import pytest
from playwright.sync_api import expect

from backoffice.roles import EDITOR
from mobility.models import MobilityExchange
from tests.factories import InstitutionFactory, MobilityExchangeFactory, PersonFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def french_excel(content: bytes, edit) -> bytes:
    """The exported CSV as French Excel saves it: `;`, Windows-1252, dd/mm/yyyy, no ids."""
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    headers = [header for header in rows[0] if header != "id"]
    for row in rows:
        for column, value in row.items():
            if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                row[column] = datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        edit(row)
    stream = io.StringIO()
    writer = csv.DictWriter(stream, headers, delimiter=";", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode("cp1252")


def upload(page, name: str, content: bytes):
    page.set_input_files(
        "#id_import_file", {"name": name, "mimeType": "text/csv", "buffer": content}
    )
    page.select_option("#id_format", label="csv")
    page.locator("#content form [type=submit]").first.click()


def test_editor_reimports_mobilities_from_a_french_spreadsheet(page, live_server, make_staff):
    """Persona: editor. Exports the mobilities, edits them in French Excel, re-imports: an error
    is named by row and column, then the fixed file updates the rows without duplicating them."""
    make_staff(EDITOR, "editor")
    lyon = InstitutionFactory(slug="lyon", name_fr="Centre Léon Bérard", name_en="Léon Bérard")
    host = InstitutionFactory(slug="heidelberg", name_en="Heidelberg University", acronym="UH")
    for day, name in [(13, "Hélène"), (14, "Zoé"), (15, "Chloé")]:
        MobilityExchangeFactory(
            person=PersonFactory(first_name=name, last_name="Lefèvre"),
            home_institution=lyon,
            host_institution=host,
            planned_start=datetime.date(2023, 3, day),
            planned_end=None,
        )

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.locator("a[href$='/admin/mobility/mobilityexchange/']:visible").first.click()
    page.click("a[href*='/admin/mobility/mobilityexchange/export/']")
    page.select_option("#id_format", label="csv")
    with page.expect_download() as download:
        page.locator("#content form [type=submit]").first.click()
    exported = download.value.path().read_bytes()

    def edit(row, date="01/03/2023"):
        if row["person_label"].startswith("Zoé"):
            row["status"] = "Confirmée"  # the label, as a person writes it
            row["planned_end"] = date
        if row["person_label"].startswith("Chloé"):
            row["category"] = "postdoc"

    page.go_back()
    page.click("a[href*='/admin/mobility/mobilityexchange/import/']")
    upload(page, "mobilites.csv", french_excel(exported, edit))
    error = page.locator(".import-errors li")
    expect(error).to_have_count(1)
    assert re.search(r"(Row|Ligne) 3, (column|colonne) \W*planned_end", error.inner_text())
    assert "01/03/2023" in error.inner_text()

    upload(page, "mobilites.csv", french_excel(exported, lambda row: edit(row, "30/09/2023")))
    page.locator("form:has(input[name=import_file_name]) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/mobility/mobilityexchange/$"))

    assert MobilityExchange.objects.count() == 3
    zoe = MobilityExchange.objects.get(person__first_name="Zoé")
    assert (zoe.status, zoe.planned_end) == ("confirmed", datetime.date(2023, 9, 30))
    chloe = MobilityExchange.objects.get(person__first_name="Chloé")
    assert chloe.category == "postdoc"
