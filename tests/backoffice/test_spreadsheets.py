"""Spreadsheets the product writes are safe to open; the files it reads are bounded and decoded."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from adminkit.spreadsheets import PendingImport
from backoffice.roles import EDITOR
from core.models import SpreadsheetJob
from institutions.models import Institution
from tests.factories import (
    InstitutionFactory,
    MobilityExchangeFactory,
    PartnershipFactory,
    PartnershipMemberFactory,
)

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Click")'
HEADER = "slug,name_fr,name_en,kind,network_role,country,city_fr,city_en,ror_id\n"


def rows_of(content: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content)))


@pytest.fixture
def formula_institution():
    return InstitutionFactory(slug="evil", name_fr=FORMULA, name_en="+1-2", acronym="@SUM(A1)")


def export(client, fmt: str) -> bytes:
    response = client.post(
        "/admin/institutions/institution/export/",
        {
            "format": fmt,
            "resource": "0",
            "institutionresource_slug": "on",
            "institutionresource_name_fr": "on",
            "institutionresource_name_en": "on",
        },
    )
    assert response.status_code == 200
    return response.content


def test_admin_csv_neutralises_formulas(role_client, formula_institution):
    content = export(role_client(EDITOR), "0").decode("utf-8-sig")
    row = next(r for r in rows_of(content) if r[0] == "evil")
    assert row[1:] == ["'" + FORMULA, "'+1-2"]


def test_admin_xlsx_stores_formulas_as_text(role_client, formula_institution):
    book = openpyxl.load_workbook(io.BytesIO(export(role_client(EDITOR), "1")))
    cells = next(r for r in book.active.iter_rows() if r[0].value == "evil")
    assert [c.value for c in cells[1:3]] == ["'" + FORMULA, "'+1-2"]
    assert {c.data_type for c in cells} == {"s"}


def test_public_csv_exports_neutralise_formulas(client):
    partnership = PartnershipFactory(name_en=FORMULA, name_fr=FORMULA, slug="evil-programme")
    PartnershipMemberFactory(partnership=partnership)
    MobilityExchangeFactory(partnership=partnership)
    search = client.get("/en/search/export.csv", {"type": "collaborations"})
    content = b"".join(search.streaming_content).decode()
    assert any(row[0] == "'" + FORMULA for row in rows_of(content))
    assert not any(row and row[0] == FORMULA for row in rows_of(content))
    figures = client.get("/en/mobility/figures.csv").content.decode()
    cells = [cell for row in rows_of(figures) for cell in row]
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def upload(client, content: bytes, name: str = "institutions.csv", fmt: str = "0"):
    return client.post(
        "/admin/institutions/institution/import/",
        {"import_file": SimpleUploadedFile(name, content), "format": fmt, "resource": "0"},
    )


def confirm(client, preview):
    return client.post(
        "/admin/institutions/institution/process_import/",
        {**preview.context["confirm_form"].initial, "resource": "0"},
    )


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252"], ids=["utf8", "utf8-bom", "excel"]
)
def test_imports_the_encodings_staff_produce(role_client, encoding):
    client = role_client(EDITOR)
    text = HEADER + "lyon,Université Lyon « 1 »,Lyon University,university,regional_member,FR,,,\n"
    preview = upload(client, text.encode(encoding))
    assert "Université Lyon « 1 »" in preview.content.decode()
    confirm(client, preview)
    assert Institution.objects.get(slug="lyon").name_fr == "Université Lyon « 1 »"


def test_an_exported_formula_comes_back_as_typed(role_client, formula_institution):
    client = role_client(EDITOR)
    content = export(client, "0")
    Institution.objects.filter(slug="evil").update(name_fr="changed")
    confirm(client, upload(client, content))
    assert Institution.objects.get(slug="evil").name_fr == FORMULA


def test_duplicate_keys_are_refused(role_client):
    text = (
        HEADER
        + "fudan,Université Fudan,Fudan University,university,foreign_partner,CN,,,\n"
        + "fudan,Fudan bis,Fudan bis,university,foreign_partner,CN,,,\n"
    )
    page = upload(role_client(EDITOR), text.encode()).content.decode()
    assert "appear more than once in the file: fudan" in page
    assert not Institution.objects.exists()


def test_too_large_a_file_is_refused(role_client, settings):
    settings.IMPORT_MAX_BYTES = 1000
    page = upload(role_client(EDITOR), (HEADER + "x" * 2000).encode()).content.decode()
    assert "files of up to 1000" in page
    assert not Institution.objects.exists()


def test_too_many_rows_are_refused(role_client, settings):
    settings.IMPORT_MAX_ROWS = 2
    text = HEADER + "".join(
        f"i{n},Institut {n},Institute {n},university,foreign_partner,CN,,,\n" for n in range(3)
    )
    page = upload(role_client(EDITOR), text.encode()).content.decode()
    assert "The file has 3 rows; at most 2 can be imported at once." in page
    assert not Institution.objects.exists()


def test_an_xlsx_bomb_is_refused_before_it_is_unpacked(role_client, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1_000_000
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a/>" + b" " * 5_000_000)
    assert len(stream.getvalue()) < 100_000
    response = upload(role_client(EDITOR), stream.getvalue(), "bomb.xlsx", "1")
    assert "The spreadsheet unpacks to 5 MB; the limit is 1 MB." in response.content.decode()


def test_a_refused_upload_leaves_nothing_waiting(role_client, monkeypatch):
    saved = []
    original = PendingImport.save

    def spy(self, data):
        saved.append(self)
        original(self, data)

    monkeypatch.setattr(PendingImport, "save", spy)
    client = role_client(EDITOR)
    upload(client, (HEADER + "bad,X,X,nonsense,foreign_partner,CN,,,\n").encode())
    good = upload(client, (HEADER + "ok,X,X,university,foreign_partner,CN,,,\n").encode())
    assert len(saved) == 2
    assert saved[0].read() is None  # the refused file is gone at once
    assert saved[1].read() is not None  # the previewed one waits for confirmation
    confirm(client, good)
    assert saved[1].read() is None


def test_a_row_may_name_a_parent_created_earlier_in_the_file(role_client):
    header = "slug,name_fr,name_en,kind,network_role,country,parent\n"
    text = (
        header
        + "inserm,Inserm,Inserm,research_institute,regional_member,FR,\n"
        + "crcl,CRCL,CRCL,research_institute,regional_member,FR,inserm\n"
    )
    client = role_client(EDITOR)
    preview = upload(client, text.encode())
    assert preview.context["confirm_form"] is not None
    confirm(client, preview)
    assert Institution.objects.get(slug="crcl").parent.slug == "inserm"


def test_preview_reports_the_same_constraint_errors_as_the_database(role_client):
    InstitutionFactory(slug="taken", ror_id="03vek6s52")
    header = "slug,name_fr,name_en,kind,network_role,country,ror_id,latitude,longitude\n"
    text = (
        header
        + "a,A,A,university,foreign_partner,CN,03vek6s52,,\n"
        + "b,B,B,university,foreign_partner,CN,,45.7,\n"
        + "c,C,C,university,foreign_partner,CN,,95,4.8\n"
    )
    page = upload(role_client(EDITOR), text.encode()).content.decode()
    assert (
        "Row 2, column “ror_id”, value “03vek6s52”: "
        "Institution with this ROR identifier already exists." in page
    )
    assert (
        "Row 3, column “latitude”, value “45.7”: these values do not go together: "
        "latitude, longitude." in page
    )
    assert "Row 4, column “latitude”, value “95”: these values do not go together" in page
    assert "institution_latitude_range" not in page
    assert Institution.objects.count() == 1


def test_a_large_import_runs_in_the_worker_with_a_progress_page(
    role_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_ROWS = 2
    client = role_client(EDITOR)
    text = HEADER + "".join(
        f"i{n},Institut {n},Institute {n},university,foreign_partner,CN,,,\n" for n in range(5)
    )
    preview = upload(client, text.encode())
    with django_capture_on_commit_callbacks(execute=True):
        started = confirm(client, preview)
    job = SpreadsheetJob.objects.get()
    assert started.status_code == 302
    assert started["Location"] == job.get_absolute_url()
    assert (job.status, job.total_rows, job.totals["new"]) == ("done", 5, 5)
    assert Institution.objects.count() == 5
    page = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "5 new, 0 updated, 0 unchanged." in page
    assert 'http-equiv="refresh"' not in page  # finished: no more refreshing


def test_a_queued_import_shows_its_progress_and_belongs_to_its_author(
    role_client, make_staff, client
):
    author = role_client(EDITOR)
    user = author.get("/admin/").wsgi_request.user
    job = SpreadsheetJob.objects.create(
        kind=SpreadsheetJob.Kind.IMPORT,
        user=user,
        app_label="institutions",
        model_name="institution",
        pending_name="gone",
        file_name="big.csv",
        total_rows=5000,
        status=SpreadsheetJob.Status.RUNNING,
    )
    cache.set(job.progress_key, 1200)
    page = author.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1200 of 5000 rows" in page
    assert 'http-equiv="refresh"' in page
    other = make_staff(EDITOR, "someone-else")
    client.force_login(other)
    assert client.get(job.get_absolute_url()).status_code == 403


def test_a_failing_large_import_writes_nothing_and_says_why(
    role_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_ROWS = 1
    client = role_client(EDITOR)
    text = (
        HEADER
        + "ok,X,X,university,foreign_partner,CN,,,\n"
        + "late,Y,Y,university,foreign_partner,CN,,,03vek6s52\n"
    )
    preview = upload(client, text.encode())
    # Between the preview and the confirmation, another record takes the ROR id of the file.
    InstitutionFactory(slug="first", ror_id="03vek6s52")
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, preview)
    job = SpreadsheetJob.objects.get()
    assert job.status == SpreadsheetJob.Status.FAILED
    assert any("ROR identifier already exists" in error for error in job.errors)
    assert set(Institution.objects.values_list("slug", flat=True)) == {"first"}
    page = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Nothing was imported" in page


def test_a_large_export_is_made_by_the_worker_and_downloaded_by_its_author(
    role_client, settings, django_capture_on_commit_callbacks, make_staff, client
):
    settings.EXPORT_BACKGROUND_ROWS = 2
    for n in range(3):
        InstitutionFactory(slug=f"big-{n}", name_fr=f"Grand {n}", name_en=f"Big {n}")
    author = role_client(EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        started = author.post(
            "/admin/institutions/institution/export/",
            {"format": "0", "resource": "0", "institutionresource_slug": "on"},
        )
    job = SpreadsheetJob.objects.get()
    assert started["Location"] == job.get_absolute_url()
    assert (job.kind, job.status, job.totals) == ("export", "done", {"rows": 3})
    page = author.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The file holds 3 records." in page
    download = author.get(f"{job.get_absolute_url()}file/")
    content = b"".join(download.streaming_content).decode("utf-8-sig")
    assert sorted(content.split()) == ["big-0", "big-1", "big-2", "slug"]
    client.force_login(make_staff(EDITOR, "another-editor"))
    assert client.get(f"{job.get_absolute_url()}file/").status_code == 403


@pytest.mark.parametrize("fmt", ["0", "1"])
def test_a_large_export_holds_one_chunk_in_memory_at_a_time(
    role_client, settings, django_capture_on_commit_callbacks, monkeypatch, fmt
):
    import tablib

    from adminkit import jobs

    settings.EXPORT_BACKGROUND_ROWS = 2
    monkeypatch.setattr(jobs, "EXPORT_CHUNK", 2)
    for n in range(5):
        InstitutionFactory(slug=f"big-{n}", name_fr=f"=Grand {n}", name_en=f"Big {n}")
    largest = []
    append = tablib.Dataset.append

    def measured_append(dataset, *args, **kwargs):
        append(dataset, *args, **kwargs)
        largest.append(len(dataset))

    monkeypatch.setattr(tablib.Dataset, "append", measured_append)
    author = role_client(EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        author.post(
            "/admin/institutions/institution/export/",
            {
                "format": fmt,
                "resource": "0",
                "institutionresource_slug": "on",
                "institutionresource_name_fr": "on",
            },
        )
    job = SpreadsheetJob.objects.get()
    assert (job.status, job.totals) == ("done", {"rows": 5})
    assert max(largest) <= 2  # a chunk of rows, never the whole export
    content = b"".join(author.get(f"{job.get_absolute_url()}file/").streaming_content)
    if fmt == "0":
        rows = rows_of(content.decode("utf-8-sig"))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["slug", "name_fr"]
    assert sorted(rows[1:]) == [[f"big-{n}", f"'=Grand {n}"] for n in range(5)]


def test_an_export_beyond_the_maximum_is_refused_with_a_message(role_client, settings):
    settings.EXPORT_BACKGROUND_ROWS = 1
    settings.EXPORT_MAX_ROWS = 2
    for n in range(3):
        InstitutionFactory(slug=f"big-{n}")
    response = role_client(EDITOR).post(
        "/admin/institutions/institution/export/",
        {"format": "0", "resource": "0", "institutionresource_slug": "on"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "At most 2 records can be exported at once" in response.content.decode()
    assert not SpreadsheetJob.objects.exists()


@pytest.mark.parametrize(
    ("kind", "english", "french"),
    [
        ("import", "Import of big.csv", "Import du fichier big.csv"),
        ("export", "Export of big.csv", "Export du fichier big.csv"),
    ],
)
def test_a_job_page_is_titled_alike_for_imports_and_exports(role_client, kind, english, french):
    client = role_client(EDITOR)
    job = SpreadsheetJob.objects.create(
        kind=kind,
        user=client.get("/admin/").wsgi_request.user,
        app_label="institutions",
        model_name="institution",
        file_name="big.csv",
        status=SpreadsheetJob.Status.RUNNING,
    )
    assert f"<h1>{english}</h1>" in client.get(job.get_absolute_url()).text
    page = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").text
    assert f"<h1>{french}</h1>" in page
