"""A visitor in a real Chromium asks for a large export, waits on its page (htmx polling, no
CSP violation, no serious axe issue) and downloads the whole file."""

import csv
import re

import pytest
from django.core.files.base import ContentFile

from search.models import SearchExport
from tests.public.test_accessibility import axe_violations
from tests.search.test_scale import grow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.SEARCH_EXPORT_MAX_ROWS = 10
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return live_server.url


def test_a_visitor_prepares_a_large_export_and_downloads_it(page, site):
    grow(6)  # 12 teams: more than the 10 a direct download holds
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(f"{site}/en/search/?q=liver")
    page.get_by_role("link", name="Download as CSV").click()
    page.wait_for_url(re.compile(r"/en/search/export\.csv\?"))
    assert "This search finds 12 rows" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Prepare the file").click()
    page.wait_for_url(re.compile(r"/en/search/exports/[\w-]+/$"))
    link = page.get_by_role("link", name="Download clara-teams.csv")
    assert "The file is ready: 12 rows." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 12
    assert violations == []


def test_the_export_page_follows_the_worker_without_reloading(page, site):
    export = SearchExport.objects.create(
        kind="teams",
        query_string="q=liver",
        language="en",
        base_url=site,
        total_rows=2,
    )
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(f"{site}{export.get_absolute_url()}")
    assert "Waiting for its turn" in page.locator("#export-status").inner_text()
    assert axe_violations(page) == []
    page.evaluate("window.stillThere = true")  # gone if the page were reloaded
    SearchExport.objects.filter(pk=export.pk).update(status="running", rows_written=1)
    page.get_by_text("1 of 2 rows written.").wait_for()
    export.file.save(f"{export.token}.csv", ContentFile(b"team\nA\nB\n"), save=False)
    SearchExport.objects.filter(pk=export.pk).update(
        status="done", rows_written=2, file=export.file.name
    )
    page.get_by_role("link", name="Download clara-teams.csv").wait_for()
    assert page.evaluate("window.stillThere") is True
    assert "The file is ready: 2 rows." in page.locator("#export-status").inner_text()
    assert violations == []
