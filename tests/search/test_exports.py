"""Search exports above the streaming limit are written by the task worker: the file holds
every matching row (public data only) or the page says it failed; reached by token only,
bounded, rate-limited, deleted when they expire."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from institutions.models import Team
from partnerships.models import Partnership
from search import exports, selectors
from search.models import SearchExport
from tests import factories as f
from tests.search.test_scale import grow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limits(settings, tmp_path):
    settings.SEARCH_EXPORT_MAX_ROWS = 10  # streamed up to 10 rows, then in the background
    settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS = 1_000
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def file_text(response) -> str:
    return b"".join(response.streaming_content).decode()


def ask(client, capture, params: dict, language: str = "en", **extra):
    """POST the export form of a search; run the queued task (the immediate backend)."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    with capture(execute=True):
        return client.post(f"/{language}/search/exports/?{query}", **extra)


def status_url(response) -> str:
    assert response.status_code == 303, response.content.decode()[:500]
    return response["Location"]


def test_a_large_export_is_offered_then_written_whole_in_the_background(
    client, django_capture_on_commit_callbacks, settings, monkeypatch
):
    monkeypatch.setattr(selectors, "EXPORT_CHUNK", 7)  # several chunks
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 9)
    grow(30)  # 60 liver teams
    offer = client.get("/en/search/export.csv", {"q": "liver"})
    assert offer.status_code == 200
    assert not offer.get("Content-Disposition")
    page = offer.content.decode()
    assert "This search finds 60 rows: more than the 10 a direct download holds." in page
    assert 'action="/en/search/exports/?q=liver"' in page
    assert "no-store" in offer["Cache-Control"]

    address = status_url(ask(client, django_capture_on_commit_callbacks, {"q": "liver"}))
    assert re.fullmatch(r"/en/search/exports/[A-Za-z0-9_-]{40,}/", address)
    status = client.get(address)
    assert status.status_code == 200
    text = status.content.decode()
    assert "The file is ready: 60 rows." in text
    assert "data-hx-trigger" not in text  # nothing left to poll
    link = re.search(r'href="(/en/search/exports/[^"]+/clara-teams\.csv)"', text).group(1)
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in download["Cache-Control"]
    body = file_text(download)
    rows = rows_of(body)
    assert len(rows) == Team.objects.count() == 60
    assert len({row["url"] for row in rows}) == 60
    assert rows[0]["url"].startswith("http://testserver/en/")

    # Byte for byte what the streamed export gives when the limit allows it.
    settings.SEARCH_EXPORT_MAX_ROWS = 1_000
    assert file_text(client.get("/en/search/export.csv", {"q": "liver"})) == body
    export = SearchExport.objects.get()
    assert export.status == export.Status.DONE
    assert export.rows_written == 60
    assert export.file.name == f"search-exports/{export.token}.csv"


def test_private_records_never_reach_a_background_export(
    client, django_capture_on_commit_callbacks
):
    public = [f.PartnershipFactory(name_en=f"Liver alliance {i}") for i in range(12)]
    f.PartnershipFactory(name_en="Liver secret consortium", is_public=False)
    institution = f.InstitutionFactory(name_en="Liver hospital")
    f.PartnershipMemberFactory(partnership=public[0], institution=institution)
    hidden = Partnership.objects.get(is_public=False)
    f.PartnershipMemberFactory(partnership=hidden, institution=institution)
    f.TeamFactory(name_en="Liver unit", institution=institution)
    for i in range(11):
        f.TeamFactory(name_en=f"Liver lab {i}", institution=institution)

    collaborations = status_url(
        ask(client, django_capture_on_commit_callbacks, {"q": "liver", "type": "collaborations"})
    )
    teams = status_url(ask(client, django_capture_on_commit_callbacks, {"q": "liver"}))
    bodies = []
    for address in (collaborations, teams):
        page = client.get(address).content.decode()
        link = re.search(r'href="(/en/search/exports/[^"]+\.csv)"', page).group(1)
        bodies.append(file_text(client.get(link)))
    assert len(rows_of(bodies[0])) == 12
    assert len(rows_of(bodies[1])) == 12
    assert all("Liver alliance 0" in row["collaborations"] for row in rows_of(bodies[1]))
    for body in bodies:
        assert "secret" not in body.lower()


def test_the_export_is_reached_by_its_token_only(client, django_capture_on_commit_callbacks):
    grow(6)  # 12 teams
    address = status_url(ask(client, django_capture_on_commit_callbacks, {"q": "liver"}))
    export = SearchExport.objects.get()
    assert client.get(address).status_code == 200
    assert client.get("/en/search/exports/not-the-token/").status_code == 404
    wrong = export.token[:-1] + ("A" if export.token[-1] != "A" else "B")
    assert client.get(f"/en/search/exports/{wrong}/").status_code == 404
    assert client.get(f"/en/search/exports/{wrong}/clara-teams.csv").status_code == 404
    assert client.get(f"{address}clara-institutions.csv").status_code == 404
    assert client.get(f"{address}clara-teams.csv").status_code == 200
    assert client.get("/en/search/exports/").status_code == 405  # no list, POST only
    export.file.storage.delete(export.file.name)  # e.g. a restored database
    assert client.get(f"{address}clara-teams.csv").status_code == 404


def test_the_page_shows_progress_while_the_file_is_prepared(client):
    grow(6)
    response = client.post("/en/search/exports/?q=liver")  # queued, not run yet
    address = status_url(response)
    export = SearchExport.objects.get()
    assert export.status == export.Status.QUEUED
    assert export.total_rows == 12
    page = client.get(address).content.decode()
    assert "Waiting for its turn" in page
    assert "0 of 12 rows written." in page
    assert f'data-hx-get="{address}"' in page
    assert 'http-equiv="refresh"' in page  # without JavaScript
    assert "clara-teams.csv" not in page
    assert client.get(f"{address}clara-teams.csv").status_code == 404
    SearchExport.objects.filter(pk=export.pk).update(status="running", rows_written=8)
    fragment = client.get(address, headers={"HX-Request": "true"})
    text = fragment.content.decode()
    assert "<html" not in text
    assert "Being prepared" in text
    assert "8 of 12 rows written." in text


def test_a_failure_is_reported_and_leaves_no_file(
    client, django_capture_on_commit_callbacks, monkeypatch, small_limits
):
    grow(6)

    def broken(kind, keys):
        yield from []
        raise RuntimeError("database gone")

    monkeypatch.setattr(selectors, "export_rows", broken)
    address = status_url(ask(client, django_capture_on_commit_callbacks, {"q": "liver"}))
    page = client.get(address).content.decode()
    assert "The export failed: no file was made." in page
    assert "data-hx-trigger" not in page
    export = SearchExport.objects.get()
    assert export.status == export.Status.FAILED
    assert not export.file
    assert client.get(f"{address}clara-teams.csv").status_code == 404
    assert not list(small_limits.rglob("*.csv"))


def test_a_stalled_export_is_reported_as_failed(client):
    grow(6)
    address = status_url(client.post("/en/search/exports/?q=liver"))
    SearchExport.objects.update(heartbeat_at=timezone.now() - timedelta(hours=2))
    assert "The export failed" in client.get(address).content.decode()


def test_beyond_the_hard_cap_the_export_is_refused_with_the_reason(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS = 20
    grow(15)  # 30 teams
    response = client.get("/en/search/export.csv", {"q": "liver"})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Too many results to export" in page
    assert "An export holds at most 20 rows, and this search finds more." in page
    assert "Prepare the file" not in page
    refused = ask(client, django_capture_on_commit_callbacks, {"q": "liver"})
    assert refused.status_code == 413
    assert "An export holds at most 20 rows" in refused.content.decode()
    assert not SearchExport.objects.exists()
    # Within the cap, the institutions (15) are still offered.
    offer = client.get("/en/search/export.csv", {"q": "liver", "type": "institutions"})
    assert offer.status_code == 200
    assert "Prepare the file" in offer.content.decode()


def test_exports_are_rate_limited_and_bounded(client, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_EXPORT_PER_CLIENT_HOUR = 2
    settings.SEARCH_EXPORT_MAX_RUNNING = 2
    grow(6)
    first = status_url(client.post("/en/search/exports/?q=liver"))
    # The same search again: the same export, not a new one.
    assert status_url(client.post("/en/search/exports/?q=liver&page=2")) == first
    status_url(client.post("/en/search/exports/?q=liver&type=institutions"))
    assert SearchExport.objects.count() == 2
    refused = client.post("/en/search/exports/?q=foie")
    assert refused.status_code == 429
    assert "several large exports in the last hour" in refused.content.decode()
    # Another client: the site already prepares two exports.
    busy = client.post("/en/search/exports/?q=foie", REMOTE_ADDR="192.0.2.7")
    assert busy.status_code == 503
    assert "Other large exports are being prepared" in busy.content.decode()
    assert busy["Retry-After"]
    SearchExport.objects.update(status="done")
    # The files kept (18 rows) plus this one (12) would pass the bound of all files kept.
    settings.SEARCH_EXPORT_MAX_KEPT_ROWS = 29
    assert client.post("/en/search/exports/?q=foie", REMOTE_ADDR="192.0.2.7").status_code == 503
    settings.SEARCH_EXPORT_MAX_KEPT_ROWS = 30
    assert client.post("/en/search/exports/?q=foie", REMOTE_ADDR="192.0.2.7").status_code == 303
    assert SearchExport.objects.count() == 3
    assert all(len(export.client) == 32 for export in SearchExport.objects.all())
    assert not SearchExport.objects.filter(client__contains="192.0.2.7").exists()


def test_expired_exports_are_deleted_with_their_files(
    client, django_capture_on_commit_callbacks, small_limits
):
    grow(6)
    address = status_url(ask(client, django_capture_on_commit_callbacks, {"q": "liver"}))
    assert len(list(small_limits.rglob("*.csv"))) == 1
    SearchExport.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    gone = client.get(address)
    assert gone.status_code == 410
    assert "This export has expired" in gone.content.decode()
    assert client.get(f"{address}clara-teams.csv").status_code == 404
    call_command("expire_search_exports")
    assert not SearchExport.objects.exists()
    assert not list(small_limits.rglob("*.csv"))
    assert client.get(address).status_code == 404


def test_a_french_export_keeps_french_typography_and_addresses(
    client, django_capture_on_commit_callbacks
):
    for i in range(11):
        f.PartnershipFactory(name_fr=f"Réseau de l'hépatocarcinome {i}", name_en=f"Network {i}")
    address = status_url(
        ask(
            client,
            django_capture_on_commit_callbacks,
            {"q": "hepatocarcinome", "type": "collaborations"},
            language="fr",
        )
    )
    assert address.startswith("/fr/search/exports/")
    export = SearchExport.objects.get()
    body = export.file.open("rb").read().decode()
    rows = rows_of(body)
    assert len(rows) == 11
    assert all("l’hépatocarcinome" in row["collaboration"] for row in rows)
    assert all(row["url"].startswith("http://testserver/fr/") for row in rows)


def test_export_jobs_leave_the_page_cache_alone(client, settings):
    from pagecache.cache import content_version

    grow(6)
    before = content_version()
    client.post("/en/search/exports/?q=liver")
    SearchExport.objects.get().save()
    assert content_version() == before


def test_the_export_pages_are_valid_html(client, django_capture_on_commit_callbacks, tmp_path):
    """Well formed (html5lib, no duplicate id) and, with Java, valid for the Nu HTML Checker."""
    import shutil
    import subprocess

    import html5lib

    from tests.public.test_html_validator import VALIDATOR

    grow(6)
    queued = status_url(client.post("/fr/search/exports/?q=liver"))
    done = status_url(
        ask(client, django_capture_on_commit_callbacks, {"q": "liver", "type": "institutions"})
    )
    pages = {
        "offer": client.get("/fr/search/export.csv", {"q": "liver"}),
        "queued": client.get(queued),
        "done": client.get(done),
        "refused": client.post("/en/search/exports/?q=liver&country=ZZ"),
    }
    assert pages["refused"].status_code == 400
    for name, response in pages.items():
        content = response.content
        html5lib.HTMLParser(strict=True).parse(content)
        ids = re.findall(r'\sid="([^"]+)"', content.decode())
        assert len(ids) == len(set(ids)), name
        (tmp_path / f"{name}.html").write_bytes(content)
    if VALIDATOR and shutil.which("java"):
        run = subprocess.run(
            [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_the_cleanup_reports_stalled_exports_as_failed(client):
    grow(6)
    status_url(client.post("/en/search/exports/?q=liver"))
    SearchExport.objects.update(heartbeat_at=timezone.now() - timedelta(hours=2))
    call_command("expire_search_exports")
    export = SearchExport.objects.get()
    assert export.status == export.Status.FAILED
    assert export.error == exports.ERROR


def test_behind_the_proxy_each_client_is_counted_apart(rf, settings):
    settings.PROXY_COUNT = 1
    first = rf.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = rf.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    # A client cannot pass for another by sending its own X-Forwarded-For first.
    forged = rf.post(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2, 198.51.100.1"
    )
    digests = [exports.client_digest(request) for request in (first, second, forged)]
    assert digests[0] != digests[1]
    assert digests[2] == digests[0]
    settings.PROXY_COUNT = 0
    assert exports.client_digest(first) == exports.client_digest(second)  # the proxy's address
