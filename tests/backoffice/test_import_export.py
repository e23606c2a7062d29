import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR
from institutions.models import Institution
from tests.factories import AgreementFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,name_fr,name_en,kind,network_role,country,city_fr,city_en,ror_id\n"


def upload(client, url: str, content: bytes, name: str = "institutions.csv", fmt: str = "0"):
    return client.post(
        url,
        {"import_file": SimpleUploadedFile(name, content), "format": fmt, "resource": "0"},
    )


def test_dry_run_preview_then_confirm(role_client):
    client = role_client(EDITOR)
    content = (
        HEADER
        + "fudan,Université Fudan,Fudan University,university,foreign_partner,CN,,,\n"
        + "tongji,Université Tongji,Tongji University,university,foreign_partner,CN,,,\n"
    ).encode()
    preview = upload(client, "/admin/institutions/institution/import/", content)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Université Fudan" in page
    assert not Institution.objects.exists()  # the preview is a dry run

    confirm_form = preview.context["confirm_form"]
    confirm = client.post(
        "/admin/institutions/institution/process_import/",
        {**confirm_form.initial, "resource": "0"},
    )
    assert confirm.status_code == 302
    assert set(Institution.objects.values_list("name_en", flat=True)) == {
        "Fudan University",
        "Tongji University",
    }


def test_a_file_with_one_bad_row_changes_nothing_and_names_the_row(role_client):
    InstitutionFactory(slug="fudan", name_fr="Université Fudan", name_en="Fudan University")
    client = role_client(EDITOR)
    content = (
        HEADER
        + "fudan,Université Fudan (modifiée),Fudan University,university,foreign_partner,CN,,,\n"
        + "bad,Institut,Institute,university,foreign_partner,CN,,,03vek6s53\n"
    ).encode()
    response = upload(client, "/admin/institutions/institution/import/", content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a valid ROR identifier" in page
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert Institution.objects.get(slug="fudan").name_fr == "Université Fudan"
    assert not Institution.objects.filter(slug="bad").exists()


def test_a_malformed_file_gets_a_clear_message(role_client):
    client = role_client(EDITOR)
    response = upload(
        client,
        "/admin/institutions/institution/import/",
        b"\x00\x01\x02 not a spreadsheet",
        name="institutions.xlsx",
        fmt="1",
    )
    assert response.status_code == 200
    assert "This is not an XLSX file." in response.content.decode()
    assert not Institution.objects.exists()


def test_a_file_with_wrong_columns_changes_nothing(role_client):
    response = upload(
        role_client(EDITOR), "/admin/institutions/institution/import/", b"foo,bar\n1,2\n"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "declared in &#x27;import_id_fields&#x27; but are not present in the file headers: slug"
        in page
    )
    assert "Nothing was imported" in page
    assert "Traceback" not in page
    assert not Institution.objects.exists()


def test_xlsx_import(role_client):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [
            "weizmann",
            "Institut Weizmann",
            "Weizmann Institute",
            "research_institute",
            "foreign_partner",
            "IL",
            "Rehovot",
            "Rehovot",
            "",
        ]
    )
    stream = io.BytesIO()
    book.save(stream)
    client = role_client(EDITOR)
    preview = upload(
        client,
        "/admin/institutions/institution/import/",
        stream.getvalue(),
        name="institutions.xlsx",
        fmt="1",
    )
    assert "Institut Weizmann" in preview.content.decode()
    client.post(
        "/admin/institutions/institution/process_import/",
        {**preview.context["confirm_form"].initial, "resource": "0"},
    )
    assert Institution.objects.get(slug="weizmann").country.code == "IL"


def test_export_csv_leaves_out_confidential_agreements_for_those_not_allowed(role_client):
    AgreementFactory(reference="PUBLIC-1", title_en="Open agreement")
    AgreementFactory(reference="SECRET-1", title_en="Secret agreement", is_confidential=True)
    fields = {"agreementresource_reference": "on", "agreementresource_title_en": "on"}
    for role, sees_secret in [(EDITOR, False), (AGREEMENTS_MANAGER, True)]:
        client = role_client(role)
        response = client.post(
            "/admin/partnerships/agreement/export/", {"format": "0", "resource": "0", **fields}
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "PUBLIC-1,Open agreement" in content
        assert ("SECRET-1" in content) is sees_secret
