"""The CORDIS import: the official format, counts, idempotence, bad rows, matching."""

import itertools
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from euprojects.cordis import CordisError
from euprojects.models import OrganisationMatch, Participation, Project
from euprojects.services import accept_match, import_cordis, reject_match, rematch
from institutions.models import Institution

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout (a worktree's one level further up).
SHARED = next(
    (p / "cordis" for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.is_dir()),
    ROOT.parent / "shared" / "cordis",
)

pytestmark = pytest.mark.django_db


class Writes(list):
    """The writing statements sent while it wraps the connection (the import empties
    connection.queries after each batch: CaptureQueriesContext would see none)."""

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.append(sql)
        return execute(sql, params, many, context)


def writes_of(run) -> list[str]:
    found = Writes()
    with connection.execute_wrapper(found):
        run()
    return found


def copy_fixture(tmp_path: Path) -> Path:
    for name in ("project.csv", "organization.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def test_the_official_format_is_imported_with_its_counts(clara_dataset):
    report = import_cordis(DATA)
    assert (report.projects_created, report.participations_created) == (3, 6)
    project = Project.objects.get(cordis_id="101010")
    assert project.acronym == "ONCOLINK"
    assert project.total_cost == Decimal("1000000.50")
    assert project.framework_programme == "H2020"
    assert project.call == "H2020-SC1-2016-2017"
    assert str(project.start_date) == "2016-01-01"
    weizmann = Participation.objects.get(project=project, organisation_id="999900002")
    assert (weizmann.role, weizmann.country, weizmann.ec_contribution) == (
        "participant",
        "IL",
        Decimal("300000.00"),
    )
    # Matched by name and country, to the directory.
    assert weizmann.institution.slug == "weizmann-institute"
    lyon = Participation.objects.get(project=project, organisation_id="999900001")
    assert lyon.institution.slug == "universite-de-lyon"
    assert report.organisations_matched == 2
    # Without a candidate: listed for review, with no institution.
    assert report.organisations_unmatched == 2
    unmatched = OrganisationMatch.objects.get(organisation_id="999900004")
    assert unmatched.institution is None
    assert unmatched.country == "EL"
    assert Participation.objects.unmatched().count() == 3  # ACME twice, Nowhere once
    assert report.participations_unmatched == 3
    assert "3 created" in str(report)


def test_a_second_import_writes_nothing(clara_dataset):
    assert writes_of(lambda: import_cordis(DATA))  # the first one does
    stamps = dict(Project.objects.values_list("cordis_id", "updated_at"))
    reports = []
    assert writes_of(lambda: reports.append(import_cordis(DATA))) == []
    report = reports[0]
    assert (report.projects_unchanged, report.participations_unchanged) == (3, 6)
    assert not report.changed
    assert dict(Project.objects.values_list("cordis_id", "updated_at")) == stamps


def test_a_changed_row_is_updated_and_only_it(clara_dataset, tmp_path):
    import_cordis(DATA)
    folder = copy_fixture(tmp_path)
    text = (folder / "project.csv").read_text(encoding="utf-8")
    (folder / "project.csv").write_text(text.replace('"Alone"', '"Alone no more"'), "utf-8")
    report = import_cordis(folder)
    assert (report.projects_updated, report.projects_unchanged) == (1, 2)
    assert Project.objects.get(cordis_id="101011").title == "Alone no more"


def test_a_zip_of_the_export_and_the_two_files_are_read_too(db, tmp_path):
    archive = tmp_path / "cordis-h2020projects-csv.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in ("project.csv", "organization.csv"):
            zipped.write(DATA / name, f"csv/{name}")
    assert import_cordis(archive, match=False).projects_created == 3
    report = import_cordis(DATA / "project.csv", DATA / "organization.csv", match=False)
    assert report.projects_unchanged == 3


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("project.csv", '"2016-01-01"', '"01/13/2016"', "project.csv, row 2, column “startDate”"),
        ("project.csv", '"900000"', '"lots"', "project.csv, row 2, column “ecMaxContribution”"),
        ("project.csv", '"101012";"ELSEWHERE"', '"101012";""', "row 4, column “acronym”"),
        ("organization.csv", '"coordinator"', '"boss"', "organization.csv, row 2, column “role”"),
        ("organization.csv", '"101012";"ELSEWHERE"', '"555";"X"', "row 6, column “projectID”"),
        ("project.csv", '"frameworkProgramme"', '"programme"', "row 1: not a CORDIS"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(db, tmp_path, file, old, new, message):
    folder = copy_fixture(tmp_path)
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CordisError) as error:
        import_cordis(folder)
    assert message in str(error.value)
    assert not Project.objects.exists()
    assert not Participation.objects.exists()
    assert not OrganisationMatch.objects.exists()


def test_the_command_reports_and_refuses_bad_files(db, tmp_path, capsys):
    call_command("import_cordis", str(DATA), "--no-match")
    assert "3 created" in capsys.readouterr().out
    (tmp_path / "project.csv").write_text("id;acronym\n1;X\n", encoding="utf-8")
    (tmp_path / "organization.csv").write_text("", encoding="utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_cordis", str(tmp_path))


def test_review_accept_links_every_participation_and_reject_unlinks(clara_dataset):
    import_cordis(DATA)
    acme = OrganisationMatch.objects.get(organisation_id="999900003")
    chosen = Institution.objects.get(slug="inca")
    accept_match(match=acme, institution=chosen)
    linked = Participation.objects.filter(organisation_id="999900003")
    assert set(linked.values_list("institution__slug", flat=True)) == {"inca"}
    reject_match(match=acme)
    assert set(linked.values_list("institution_id", flat=True)) == {None}
    # A re-import keeps the decisions: nothing is matched or written again.
    report = import_cordis(DATA)
    assert not report.changed
    assert report.organisations_to_review == 0


def test_rematch_proposes_again_after_the_directory_grew(clara_dataset):
    import_cordis(DATA)
    from tests.factories import InstitutionFactory

    InstitutionFactory(
        slug="acme", name_fr="Acme Biotech", name_en="Acme Biotech", country="DE", city_en="Berlin"
    )
    report = rematch()
    assert report.organisations_matched + report.organisations_to_review >= 1
    proposals = OrganisationMatch.objects.filter(organisation_id="999900003")
    assert proposals.filter(institution__slug="acme").exists()


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/cordis is absent")
def test_a_sample_of_the_shared_data_imports_and_reimports_without_writing(db, tmp_path):
    """The first 300 projects of the shared CORDIS files and their participants."""
    with open(SHARED / "project.csv", encoding="utf-8") as source:
        lines = list(itertools.islice(source, 301))
    (tmp_path / "project.csv").write_text("".join(lines), encoding="utf-8")
    ids = {line.split(";", 1)[0] for line in lines[1:]}
    with open(SHARED / "organization.csv", encoding="utf-8") as source:
        header = next(source)
        rows = [line for line in source if line.split(";", 1)[0] in ids]
    (tmp_path / "organization.csv").write_text(header + "".join(rows), encoding="utf-8")
    report = import_cordis(tmp_path, match=False)
    assert report.projects_created == Project.objects.count() == 300
    assert report.participations_created + report.duplicates == len(rows)
    assert Project.objects.get(cordis_id="632927").total_cost == Decimal("230000.00")
    reports = []
    assert writes_of(lambda: reports.append(import_cordis(tmp_path, match=False))) == []
    assert reports[0].projects_unchanged == 300
