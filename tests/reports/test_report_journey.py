"""Staff produce the Region's annual review for 2025 in a real Chromium, through the interface
only: generate it, download its XLSX and PDF, edit a mobility in the admin, generate again.
The frozen 2025 edition is unchanged; the new one shows the difference."""

import datetime
import re

import pytest
from openpyxl import load_workbook

from backoffice.roles import EDITOR
from tests import factories as f
from tests.backoffice.test_agreement_journey import log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def wide_page(browser):
    """A desktop screen wide enough for the back-office's menu to stay open (> 1280 px)."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def menu(page, name: str) -> None:
    """A link of the back-office's menu (its icon's name, then the label)."""
    page.locator("#nav-sidebar a", has_text=re.compile(rf"(^|\s){name}\s*$")).first.click()


def generate_region_2025(page) -> str:
    """From the menu to a new edition; returns its address."""
    menu(page, "Chiffres et éditions")
    page.wait_for_url(re.compile(r"/backoffice/reports/"))

    form = page.locator("form[action$='/editions/generate/']")
    form.get_by_label("Rapport").select_option(label="Région — bilan annuel")
    form.get_by_label("Période").select_option("calendar")
    form.get_by_label("Année").fill("2025")
    form.get_by_role("button", name="Produire").click()
    page.wait_for_url(re.compile(r"/backoffice/reports/editions/\d+/$"))
    return page.url


def category_table(page) -> str:
    return page.locator("table", has_text="Mobilités par catégorie").first.inner_text()


def download(page, link_text: str, tmp_path):
    """A download link of the French edition, clicked; the file as saved."""
    with page.expect_download() as info:
        page.locator("span[lang=fr]").get_by_role("link", name=link_text, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_staff_generate_the_region_review_twice_around_a_mobility_edit(
    wide_page, live_server, make_staff, definitions, tmp_path
):
    page = wide_page
    make_staff(EDITOR, "editor")
    host = f.InstitutionFactory(name_fr="Université Fudan", name_en="Fudan University")
    f.MobilityExchangeFactory(
        host_institution=host,
        planned_start=datetime.date(2025, 3, 1),
        planned_end=datetime.date(2025, 7, 1),
    )
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(page, live_server.url, "editor")

    first_url = generate_region_2025(page)
    assert "Doctorant·e" in category_table(page)
    assert "Ceci est la première édition de ce rapport." in page.content()
    first_figures = page.locator("#section-mobility").inner_text()

    xlsx = download(page, "XLSX", tmp_path)
    assert xlsx.name.endswith("-fr.xlsx")
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames[:2] == ["Rapport", "Mobilité"]
    assert workbook["Rapport"]["A1"].value == "Région — bilan annuel"
    assert workbook["Mobilité"]._charts
    pdf = download(page, "PDF", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")

    # The mobility turns out to be a post-doc's: edited in the admin.
    assert errors == []  # no script refused by the Content-Security-Policy
    menu(page, "Mobilités")
    page.wait_for_url(re.compile(r"/admin/mobility/mobilityexchange/"))
    page.locator("#result_list a", has_text="Durand").first.click()
    page.wait_for_url(re.compile(r"/mobilityexchange/\d+/change/"))
    page.select_option("#id_category", "postdoc")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/mobility/mobilityexchange/$"))

    second_url = generate_region_2025(page)
    assert second_url != first_url
    changes = page.locator("#changes").inner_text()
    assert "Post-doctorant·e" in changes
    assert "Doctorant·e" in changes
    assert "Post-doctorant·e" in category_table(page)

    # The frozen edition, opened from the list of the latest editions, has not changed.
    page.get_by_role("link", name="Rapports", exact=True).first.click()
    page.locator(".report-editions a", has_text="(édition 1)").click()
    page.wait_for_url(first_url)
    assert page.locator("#section-mobility").inner_text() == first_figures
    assert "Post-doctorant·e" not in category_table(page)
