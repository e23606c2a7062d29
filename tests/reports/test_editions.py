"""Frozen editions: computed once, never changed; a later edition shows what changed; each
downloads as XLSX, printable HTML and PDF in French or English."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from mobility.models import MobilityExchange
from reports.models import FrozenEditionError, ReportDefinition, ReportEdition
from reports.selectors import Period
from reports.services import content_hash, generate_edition
from tests import factories as f

pytestmark = pytest.mark.django_db

REGION = "region-bilan-annuel"


@pytest.fixture
def year_2025(definitions):
    partnership = f.PartnershipFactory(name_fr="Lyon – Shanghai", name_en="Lyon – Shanghai")
    mobility = f.MobilityExchangeFactory(
        partnership=partnership,
        planned_start=datetime.date(2025, 3, 1),
        planned_end=datetime.date(2025, 6, 1),
    )
    f.AgreementFactory(signed_on=datetime.date(2025, 2, 2), status="in_force")
    f.EventFactory(start_date=datetime.date(2025, 10, 1), end_date=None, country="CN")
    return mobility


def generate(user, year=2025) -> ReportEdition:
    definition = ReportDefinition.objects.get(slug=REGION)
    return generate_edition(definition=definition, period=Period.calendar_year(year), user=user)


def test_an_edition_is_frozen_and_the_next_shows_the_difference(year_2025, make_staff, client):
    user = make_staff(EDITOR)
    first = generate(user)
    stored = (first.figures, first.content_hash)
    assert first.content_hash == content_hash(
        figures=first.figures, snapshot=first.definition_snapshot
    )
    MobilityExchange.objects.filter(pk=year_2025.pk).update(
        status="completed",
        actual_start=datetime.date(2025, 3, 1),
        actual_end=datetime.date(2025, 9, 1),
    )
    first.refresh_from_db()
    assert (first.figures, first.content_hash) == stored
    with pytest.raises(FrozenEditionError):
        first.save()
    second = generate(user)
    assert second.number == first.number + 1
    assert second.content_hash != first.content_hash
    client.force_login(user)
    page = client.get(f"/backoffice/reports/editions/{second.pk}/").content.decode()
    assert "Changes since the previous edition" in page
    assert "Done (under way or completed)" in page.split('id="changes"')[1].split("</section>")[0]
    again = client.get(f"/backoffice/reports/editions/{first.pk}/").content.decode()
    assert "This is the first edition of this report." in again


def test_the_edition_downloads_in_both_languages(year_2025, make_staff, client):
    user = make_staff(EDITOR)
    edition = generate(user)
    client.force_login(user)
    base = f"/backoffice/reports/editions/{edition.pk}/download"
    xlsx = client.get(f"{base}.xlsx?lang=fr")
    assert xlsx.status_code == 200
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames[:3] == ["Rapport", "Mobilité", "Accords"]
    assert workbook["Mobilité"]._charts, "native Excel charts beside the tables"
    cover = [row[0] for row in workbook["Rapport"].iter_rows(values_only=True)]
    assert cover[0] == "Région — bilan annuel"
    english = load_workbook(io.BytesIO(client.get(f"{base}.xlsx?lang=en").content))
    assert english.sheetnames[:2] == ["Report", "Mobility"]
    html = client.get(f"{base}.html?lang=fr").content.decode()
    assert "Mobilités prévues et réalisées" in html
    assert "@page" in html
    assert "<svg" in html  # the logo and charts inline
    assert "Définitions" in html
    pdf = client.get(f"{base}.pdf?lang=en")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert client.get(f"{base}.pdf?lang=xx").status_code == 404


def test_table_downloads_follow_french_typography(year_2025, make_staff, client):
    client.force_login(make_staff(VIEWER))
    query = "period_kind=calendar&year=2025"
    csv = client.get(
        f"/backoffice/reports/tables/mobility_stage.csv?{query}", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert csv.status_code == 200
    assert csv.content.startswith(b"\xef\xbb\xbf")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Prévue ou réalisée;Mobilités;Personnes-mois"
    assert lines[1].startswith("Prévue (pas encore signalée en cours ni réalisée);1;")
    xlsx = client.get(f"/backoffice/reports/tables/agreements_summary.xlsx?{query}")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[2][1] == 1  # signed in 2025, a number
    assert client.get(f"/backoffice/reports/tables/nothing.csv?{query}").status_code == 404


def test_an_edition_counting_confidential_agreements_stays_with_those_who_may_see_them(
    year_2025, make_staff, client
):
    f.AgreementFactory(signed_on=datetime.date(2025, 3, 3), status="signed", is_confidential=True)
    manager_edition = generate(make_staff(AGREEMENTS_MANAGER))
    viewer = make_staff(EDITOR, "editor-2")
    editor_edition = generate(viewer)
    assert dict(manager_edition.figures["tables"]["agreements_summary"])["signed"] == 2
    assert dict(editor_edition.figures["tables"]["agreements_summary"])["signed"] == 1
    assert manager_edition.includes_confidential
    assert not editor_edition.includes_confidential
    client.force_login(viewer)
    assert client.get(f"/backoffice/reports/editions/{manager_edition.pk}/").status_code == 404
    page = client.get(f"/backoffice/reports/editions/{editor_edition.pk}/").content.decode()
    assert "This is the first edition of this report." in page  # the manager's is not shown
    report = client.get("/backoffice/reports/?period_kind=calendar&year=2025").content.decode()
    assert f"/backoffice/reports/editions/{manager_edition.pk}/" not in report


def test_generating_from_the_page(year_2025, make_staff, client):
    client.force_login(make_staff(EDITOR))
    definition = ReportDefinition.objects.get(slug=REGION)
    response = client.post(
        "/backoffice/reports/editions/generate/",
        {
            "edition-definition": definition.pk,
            "edition-period_kind": "academic",
            "edition-year": 2024,
        },
    )
    edition = ReportEdition.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{edition.pk}/")
    assert (edition.period_start, edition.period_end) == (
        datetime.date(2024, 9, 1),
        datetime.date(2025, 8, 31),
    )
    refused = client.post(
        "/backoffice/reports/editions/generate/",
        {
            "edition-definition": definition.pk,
            "edition-period_kind": "dates",
            "edition-start": "2025-05-01",
        },
        follow=True,
    )
    assert "Give the first and last day of the period." in refused.content.decode()
    assert ReportEdition.objects.count() == 1


def test_narratives_are_written_next_to_the_figures_and_enter_the_edition(
    year_2025, make_staff, client
):
    user = make_staff(EDITOR)
    client.force_login(user)
    partnership = year_2025.partnership
    url = f"/backoffice/reports/narratives/{partnership.pk}/2025/"
    empty = client.post(url, {"highlights_fr": " ", "highlights_en": ""})
    assert "Write the highlights in at least one language." in empty.content.decode()
    client.post(url, {"highlights_fr": "Deux thèses en cotutelle.", "highlights_en": "Two PhDs."})
    report = client.get(
        f"/backoffice/reports/?period_kind=calendar&year=2025&partnership={partnership.pk}"
    ).content.decode()
    assert "Two PhDs." in report
    edition = generate(user)
    assert edition.figures["tables"]["narratives"][0][2]["fr"] == "Deux thèses en cotutelle."
    assert client.get("/backoffice/reports/narratives/999999/2025/").status_code == 404
    assert client.get(f"/backoffice/reports/narratives/{partnership.pk}/1800/").status_code == 404
