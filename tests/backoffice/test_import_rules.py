"""Imports staff can trust: files as spreadsheets write them, records named as people name them,
rows found again rather than duplicated, every error named by row, column and value."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import EDITOR
from institutions.models import Institution
from mobility.models import MobilityExchange
from people.models import Person
from tests.factories import InstitutionFactory, MobilityExchangeFactory, PersonFactory

pytestmark = pytest.mark.django_db

MOBILITIES = "/admin/mobility/mobilityexchange/"
HEADER = "person;category;direction;host_institution;planned_start;planned_end;status\n"


def upload(client, content: bytes, url: str = MOBILITIES, name: str = "mobilities.csv"):
    return client.post(
        f"{url}import/",
        {"import_file": SimpleUploadedFile(name, content), "format": "0", "resource": "0"},
    )


def confirm(client, preview, url: str = MOBILITIES):
    assert preview.context["confirm_form"] is not None, errors_of(preview)
    return client.post(
        f"{url}process_import/", {**preview.context["confirm_form"].initial, "resource": "0"}
    )


def errors_of(response) -> list[str]:
    result = response.context.get("result")
    return list(getattr(result, "messages", []) or [])


@pytest.fixture
def heidelberg():
    return InstitutionFactory(
        slug="heidelberg",
        name_fr="Université de Heidelberg",
        name_en="Heidelberg University",
        acronym="UH",
        ror_id="038t36y30",
        ror_names="heidelberg university | ruprecht-karls-universitat heidelberg",
    )


def test_a_french_excel_csv_is_read_semicolons_and_cp1252(role_client, heidelberg):
    client = role_client(EDITOR)
    text = HEADER + "Hélène Lefèvre;phd;outgoing;heidelberg;13/03/2023;2023-06-30;planned\n"
    confirm(client, upload(client, text.encode("cp1252")))
    mobility = MobilityExchange.objects.get()
    assert mobility.person.last_name == "Lefèvre"
    assert mobility.planned_start == datetime.date(2023, 3, 13)
    assert mobility.planned_end == datetime.date(2023, 6, 30)


@pytest.mark.parametrize("separator", [",", "\t"], ids=["comma", "tab"])
def test_commas_and_tabs_are_read_too(role_client, heidelberg, separator):
    client = role_client(EDITOR)
    text = (HEADER + "Ana Ruiz;phd;outgoing;heidelberg;2023-03-13;;planned\n").replace(
        ";", separator
    )
    confirm(client, upload(client, text.encode("utf-8-sig")))
    assert MobilityExchange.objects.get().host_institution == heidelberg


def test_an_ambiguous_date_is_refused_with_both_readings(role_client, heidelberg):
    client = role_client(EDITOR)
    text = HEADER + "Ana Ruiz;phd;outgoing;heidelberg;01/03/2023;;planned\n"
    response = upload(client, text.encode())
    assert response.context.get("confirm_form") is None
    (message,) = errors_of(response)
    assert message.startswith("Row 2, column “planned_start”, value “01/03/2023”:")
    assert "1 March 2023" in message
    assert "3 January 2023" in message
    assert not MobilityExchange.objects.exists()


def test_related_records_by_slug_ror_name_acronym_or_alias(role_client, heidelberg):
    client = role_client(EDITOR)
    names = [
        "heidelberg",
        "https://ror.org/038t36y30",
        "Universite de heidelberg",
        "UH",
        "Ruprecht-Karls-Universität Heidelberg",
    ]
    text = HEADER + "".join(
        f"Person {n};phd;outgoing;{name};2023-03-{13 + n};;planned\n"
        for n, name in enumerate(names)
    )
    confirm(client, upload(client, text.encode()))
    assert set(MobilityExchange.objects.values_list("host_institution", flat=True)) == {
        heidelberg.pk
    }
    assert MobilityExchange.objects.count() == len(names)


def test_several_candidates_are_listed_in_the_row_error(role_client):
    InstitutionFactory(slug="inserm-lyon", name_en="Inserm", name_fr="Inserm")
    InstitutionFactory(slug="inserm-paris", name_en="Inserm", name_fr="Inserm")
    client = role_client(EDITOR)
    response = upload(client, (HEADER + "Ana Ruiz;phd;outgoing;inserm;;;planned\n").encode())
    (message,) = errors_of(response)
    assert message.startswith("Row 2, column “host_institution”, value “inserm”:")
    assert "inserm-lyon" in message
    assert "inserm-paris" in message


def test_people_are_matched_by_name_or_created(role_client, heidelberg):
    known = PersonFactory(first_name="Jean-Yves", last_name="Blay", slug="jy-blay")
    client = role_client(EDITOR)
    text = (
        HEADER
        + "Blay, Jean-Yves;phd;outgoing;heidelberg;2023-03-13;;planned\n"
        + "jean-yves blay;phd;outgoing;heidelberg;2023-04-13;;planned\n"
        + "Chen Wei;phd;incoming;heidelberg;2023-05-13;;planned\n"
        + "Chen Wei;phd;incoming;heidelberg;2023-06-13;;planned\n"
    )
    preview = upload(client, text.encode())
    assert not Person.objects.filter(last_name="Wei").exists()  # a preview writes nothing
    confirm(client, preview)
    assert MobilityExchange.objects.filter(person=known).count() == 2
    created = Person.objects.get(last_name="Wei")
    assert created.first_name == "Chen"
    assert MobilityExchange.objects.filter(person=created).count() == 2


def test_importing_the_same_rows_again_updates_them(role_client, heidelberg):
    client = role_client(EDITOR)
    text = HEADER + "Ana Ruiz;phd;outgoing;heidelberg;2023-03-13;;planned\n"
    confirm(client, upload(client, text.encode()))
    again = upload(client, text.replace("planned\n", "confirmed\n").encode())
    assert again.context["result"].totals["update"] == 1
    assert again.context["result"].totals["new"] == 0
    confirm(client, again)
    mobility = MobilityExchange.objects.get()
    assert mobility.status == MobilityExchange.Status.CONFIRMED
    assert Person.objects.count() == 1
    history = list(mobility.history.order_by("history_date", "history_id"))
    assert [(h.history_type, h.status) for h in history] == [("+", "planned"), ("~", "confirmed")]
    assert {h.history_user.username for h in history} == {"staff-editor"}


def test_an_existing_mobility_is_found_by_person_start_and_host(role_client, heidelberg):
    mobility = MobilityExchangeFactory(
        person=PersonFactory(first_name="Ana", last_name="Ruiz"),
        host_institution=heidelberg,
        planned_start=datetime.date(2023, 3, 13),
        planned_end=None,
    )
    client = role_client(EDITOR)
    text = HEADER + "Ana Ruiz;postdoc;outgoing;Heidelberg University;13/03/2023;;planned\n"
    confirm(client, upload(client, text.encode()))
    assert MobilityExchange.objects.get().pk == mobility.pk
    mobility.refresh_from_db()
    assert mobility.category == MobilityExchange.Category.POSTDOC


def test_a_completed_mobility_needs_its_actual_dates(role_client, heidelberg):
    client = role_client(EDITOR)
    text = HEADER + "Ana Ruiz;phd;outgoing;heidelberg;2023-03-13;;completed\n"
    messages = errors_of(upload(client, text.encode()))
    assert "Row 2, “Actual start”: A completed mobility needs its actual dates." in messages
    assert not MobilityExchange.objects.exists()


def test_every_error_is_named_by_row_column_and_value_at_once(role_client, heidelberg):
    client = role_client(EDITOR)
    text = (
        HEADER
        + "Ana Ruiz;phd;outgoing;heidelberg;2023-03-13;;planned\n"
        + "Li Na;astronaut;outgoing;Nowhere;2023-03-13;;planned\n"
        + "Bo Li;phd;sideways;heidelberg;31/02/2023;;planned\n"
    )
    messages = errors_of(upload(client, text.encode()))
    assert len(messages) == 4, messages
    assert messages[0].startswith("Row 3, column “category”, value “astronaut”: not one of")
    assert "phd (PhD student)" in messages[0]
    assert any(
        m.startswith("Row 3, column “host_institution”, value “Nowhere”: no institution")
        for m in messages
    )
    assert any(m.startswith("Row 4, column “direction”, value “sideways”") for m in messages)
    assert any(m.startswith("Row 4, column “planned_start”, value “31/02/2023”") for m in messages)
    assert not any("matching query" in m or "Traceback" in m for m in messages)


def test_french_headers_and_labels_are_understood(role_client, heidelberg):
    client = role_client(EDITOR)
    header = "Participant;Catégorie;Sens;Institution d'accueil;Début prévu;Statut\n"
    text = header + "Ana Ruiz;doctorante;Sortante (depuis la région);Nulle part;2023-03-13;Prévue\n"
    response = client.post(
        f"{MOBILITIES}import/",
        {
            "import_file": SimpleUploadedFile("m.csv", text.encode()),
            "format": "0",
            "resource": "0",
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    messages = errors_of(response)
    (message,) = messages  # the other French cells were understood
    assert "Institution d'accueil" in message
    assert "Nulle part" in message


def test_a_nul_byte_is_refused_and_nothing_is_written_or_logged(role_client):
    client = role_client(EDITOR)
    text = (
        "slug,name_fr,name_en,kind,network_role,country\n"
        "a,A\x00,A,university,foreign_partner,CN\n"
        "b,B,B,university,foreign_partner,CN\n"
    )
    response = upload(client, text.encode(), url="/admin/institutions/institution/")
    page = response.content.decode()
    assert "Row 2, column “name_fr” holds a NUL character" in page
    assert response.context.get("confirm_form") is None
    assert not Institution.objects.exists()
    assert not LogEntry.objects.exists()


def test_a_template_per_model_lists_headers_and_allowed_values(role_client):
    client = role_client(EDITOR)
    page = client.get(f"{MOBILITIES}import/").content.decode()
    assert f"{MOBILITIES}import/template.xlsx" in page
    response = client.get(f"{MOBILITIES}import/template.xlsx", HTTP_ACCEPT_LANGUAGE="en")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    data, allowed = book.worksheets
    headers = [cell.value for cell in data[1]]
    assert "Host institution" in headers
    assert "Status" in headers
    notes = {row[0]: row[1] for row in allowed.iter_rows(min_row=2, values_only=True)}
    assert "completed (Completed)" in notes["Status"]
    assert "13/03/2023" in notes["Planned start"]
    csv_template = client.get(f"{MOBILITIES}import/template.csv").content.decode("utf-8-sig")
    assert csv_template.splitlines()[0].split(";") == headers


def test_the_template_filled_in_is_imported(role_client, heidelberg):
    client = role_client(EDITOR)
    header = client.get(f"{MOBILITIES}import/template.csv").content.decode("utf-8-sig")
    columns = header.strip().split(";")
    values = {"Participant": "Ana Ruiz", "Category": "PhD student", "Direction": "incoming"}
    values |= {"Host institution": "UH", "Planned start": "13/03/2023", "Status": "Planned"}
    row = ";".join(values.get(column, "") for column in columns)
    confirm(client, upload(client, f"{header}{row}\n".encode()))
    assert MobilityExchange.objects.get().category == MobilityExchange.Category.PHD


def test_exports_carry_readable_names_next_to_keys(role_client, heidelberg):
    MobilityExchangeFactory(host_institution=heidelberg, status="completed")
    response = role_client(EDITOR).post(
        f"{MOBILITIES}export/",
        {
            "format": "0",
            "resource": "0",
            **{
                f"mobilityexchangeresource_{name}": "on"
                for name in ("host_institution", "host_institution_label", "status", "status_label")
            },
        },
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["host_institution", "host_institution_label", "status", "status_label"]
    assert rows[1] == ["heidelberg", "Heidelberg University (UH)", "completed", "Completed"]


def test_a_country_by_code_or_name_in_either_language(role_client):
    client = role_client(EDITOR)
    text = (
        "slug;name_fr;name_en;kind;network_role;country\n"
        "a;A;A;university;foreign_partner;Allemagne\n"
        "b;B;B;Université;foreign_partner;Israel\n"
        "c;C;C;university;foreign_partner;Atlantis\n"
    )
    url = "/admin/institutions/institution/"
    messages = errors_of(upload(client, text.encode(), url=url))
    (message,) = messages
    assert message.startswith("Row 4, column “country”, value “Atlantis”: not one of")
    confirm(client, upload(client, text.rsplit("c;", 1)[0].encode(), url=url), url=url)
    assert dict(Institution.objects.values_list("slug", "country")) == {"a": "DE", "b": "IL"}


def test_every_import_page_offers_its_template(admin_client):
    from django.contrib import admin

    from adminkit.admin import ClaraImportExportAdmin

    admins = [a for a in admin.site._registry.values() if isinstance(a, ClaraImportExportAdmin)]
    assert len(admins) >= 4
    for model_admin in admins:
        url = f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/import/"
        for extension in ("xlsx", "csv"):
            response = admin_client.get(f"{url}template.{extension}")
            assert response.status_code == 200, (url, extension)
            assert response["Content-Disposition"].endswith(f'template.{extension}"')
