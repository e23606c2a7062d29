"""Imports at scale: a file's rows cost no query each, the database checks what it stores (in the
preview too), and anonymous mobilities exported then imported again are updated, not doubled."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backoffice.roles import EDITOR
from institutions.models import Institution
from mobility.models import MobilityExchange
from mobility.resources import MobilityExchangeResource
from tests.backoffice.test_import_rules import confirm, errors_of, upload
from tests.factories import InstitutionFactory, MobilityExchangeFactory, PersonFactory

pytestmark = pytest.mark.django_db

HEADER = "person;category;direction;host_institution;planned_start;planned_end;status\n"
INSTITUTIONS = "/admin/institutions/institution/"


def mobility_rows(count: int) -> bytes:
    """`count` mobilities of people already known, at one host, each on its own date."""
    names = [f"Ruiz{count}x{number}" for number in range(count)]
    for name in names:
        PersonFactory(first_name="Ana", last_name=name)
    day = datetime.date(2020, 1, 13)
    return (
        HEADER
        + "".join(
            f"Ana {name};phd;outgoing;heidelberg;"
            f"{(day + datetime.timedelta(days=31 * n)).strftime('%d/%m/%Y')};;planned\n"
            for n, name in enumerate(names)
        )
    ).encode()


@pytest.fixture
def heidelberg():
    return InstitutionFactory(slug="heidelberg", name_en="Heidelberg University")


def test_preview_and_import_queries_do_not_grow_with_the_rows(role_client, heidelberg, settings):
    settings.IMPORT_BACKGROUND_ROWS = 1_000  # the confirmed import runs in the request
    client = role_client(EDITOR)
    counts = {}
    for size in (3, 30):
        MobilityExchange.objects.all().delete()
        text = mobility_rows(size)
        with CaptureQueriesContext(connection) as previewing:
            preview = upload(client, text)
        assert preview.context["result"].totals["new"] == size, errors_of(preview)
        with CaptureQueriesContext(connection) as confirming:
            confirm(client, preview)
        assert MobilityExchange.objects.count() == size
        counts[size] = (len(previewing), len(confirming))
    assert counts[30] == counts[3], counts


def test_a_constraint_is_checked_by_the_database_in_the_preview_and_named_by_row_and_column(
    role_client,
):
    """Two new institutions of one file with the same ROR identifier: nothing stored has it,
    only writing the rows finds the second one; the preview names its row and column."""
    header = "slug,name_fr,name_en,kind,network_role,country,ror_id\n"
    text = (
        header
        + "a,A,A,university,foreign_partner,CN,03vek6s52\n"
        + "b,B,B,university,foreign_partner,CN,03vek6s52\n"
    )
    messages = errors_of(upload(role_client(EDITOR), text.encode(), url=INSTITUTIONS))
    assert messages == [
        "Row 3, column “ror_id”, value “03vek6s52”: "
        "Institution with this ROR identifier already exists."
    ]
    assert not Institution.objects.exists()


def test_a_refused_row_does_not_hide_the_other_rows_errors(role_client):
    header = "slug,name_fr,name_en,kind,network_role,country,ror_id,latitude,longitude\n"
    text = (
        header
        + "a,A,A,university,foreign_partner,CN,03vek6s52,,\n"
        + "b,B,B,university,foreign_partner,CN,03vek6s52,,\n"
        + "c,C,C,nonsense,foreign_partner,CN,,95,4.8\n"
    )
    messages = errors_of(upload(role_client(EDITOR), text.encode(), url=INSTITUTIONS))
    assert messages[0].startswith("Row 3, column “ror_id”, value “03vek6s52”")
    assert messages[1].startswith("Row 4, column “kind”, value “nonsense”")
    assert messages[2].startswith("Row 4, column “latitude”, value “95”: these values")
    assert len(messages) == 3, messages


def anonymous_export(with_ids: bool) -> bytes:
    dataset = MobilityExchangeResource().export(queryset=MobilityExchange.objects.order_by("pk"))
    if not with_ids:
        del dataset["id"]
    return dataset.csv.encode()


@pytest.mark.parametrize("with_ids", [True, False], ids=["with ids", "without ids"])
def test_anonymous_mobilities_imported_again_are_updated_not_doubled(
    role_client, heidelberg, with_ids
):
    for _copy in range(2):  # two alike: each row finds one of them
        MobilityExchangeFactory(person=None, host_institution=heidelberg)
    MobilityExchangeFactory(
        person=None,
        host_institution=heidelberg,
        category=MobilityExchange.Category.POSTDOC,
        planned_start=datetime.date(2013, 5, 14),
        planned_end=None,
    )
    content = anonymous_export(with_ids)
    client = role_client(EDITOR)
    for _time in range(2):
        preview = upload(client, content, name="mobilities.csv")
        totals = preview.context["result"].totals
        assert (totals["new"], totals["invalid"]) == (0, 0), errors_of(preview)
        confirm(client, preview)
        assert MobilityExchange.objects.count() == 3


def test_a_row_naming_a_record_the_database_refused_says_so(role_client):
    InstitutionFactory(slug="taken", ror_id="03vek6s52")
    header = "slug,name_fr,name_en,kind,network_role,country,ror_id,parent\n"
    text = (
        header
        + "inserm,Inserm,Inserm,research_institute,regional_member,FR,03vek6s52,\n"
        + "crcl,CRCL,CRCL,research_institute,regional_member,FR,,inserm\n"
    )
    messages = errors_of(upload(role_client(EDITOR), text.encode(), url=INSTITUTIONS))
    assert messages == [
        "Row 2, column “ror_id”, value “03vek6s52”: "
        "Institution with this ROR identifier already exists.",
        "Row 3, column “parent”, value “inserm”: "
        "the row of this institution was refused: correct it first.",
    ]
    assert Institution.objects.count() == 1
