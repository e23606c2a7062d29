"""Spreadsheets the product writes are safe to open; the files it reads are bounded and decoded."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import EDITOR
from core.spreadsheets import PendingImport
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
    assert "Institution with this ROR identifier already exists." in page
    assert "Constraint “institution_coordinates_together” is violated." in page
    assert "Constraint “institution_latitude_range” is violated." in page
    assert Institution.objects.count() == 1
