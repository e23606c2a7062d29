"""The report's figures agree with an independent count (plain Python over the rows), on the
CLARA dataset and on synthetic data; confidential agreements count only for those who may see
them; the work is the same whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backoffice.roles import AGREEMENTS_MANAGER, VIEWER
from mobility.models import MobilityExchange
from partnerships.models import Agreement
from reports.selectors import Filters, Period, compute
from tests import factories as f

from .conftest import in_force_by_hand, mobility_groups, stage_totals

pytestmark = pytest.mark.django_db


def figures(user, period, **filters):
    sections = ["mobility", "agreements", "events", "partners", "narratives"]
    return compute(sections, period, Filters(**filters), user)["tables"]


def assert_mobility_agrees(tables, years: range):
    expected = mobility_groups(years)
    detail = {tuple(row[:5]): (row[5], row[6]) for row in tables["mobility_detail"]}
    assert set(detail) == set(expected)
    for key, (count, days) in expected.items():
        assert detail[key][0] == count, key
        assert detail[key][1] == pytest.approx(days / 30.44, abs=0.051), key
    stages = {row[0]: (row[1], row[2]) for row in tables["mobility_stage"]}
    for stage, (count, months) in stage_totals(expected).items():
        if count:
            assert stages[stage][0] == count
            assert stages[stage][1] == pytest.approx(months, abs=0.05 * len(expected) + 0.05)
        else:
            assert stage not in stages


def busiest_year() -> int:
    years = {}
    for m in MobilityExchange.objects.not_cancelled():
        start = m.actual_start or m.planned_start
        if start:
            years[start.year] = years.get(start.year, 0) + 1
    return max(years, key=years.get)


def test_synthetic_figures_agree_with_an_independent_count(synthetic_data, make_staff):
    synthetic_data(scale=0.001)
    manager, viewer = make_staff(AGREEMENTS_MANAGER), make_staff(VIEWER)
    year = busiest_year()
    on = datetime.date(year, 6, 30)
    period = Period(datetime.date(2006, 1, 1), datetime.date(2027, 12, 31), on)
    tables = figures(manager, period)
    assert_mobility_agrees(tables, range(2006, 2028))
    done = {row[0]: row[1] for row in tables["mobility_stage"]}
    assert done.get("planned"), "the synthetic data has planned mobilities"
    assert done.get("done"), "and mobilities done"
    summary = dict(tables["agreements_summary"])
    assert summary["in_force"] == len(in_force_by_hand(on, confidential=True))
    viewer_summary = dict(figures(viewer, period)["agreements_summary"])
    assert viewer_summary["in_force"] == len(in_force_by_hand(on, confidential=False))
    assert Agreement.objects.filter(is_confidential=True).exists()


def test_clara_dataset_figures_agree_with_an_independent_count(clara_dataset, make_staff):
    manager, viewer = make_staff(AGREEMENTS_MANAGER), make_staff(VIEWER)
    for on in (datetime.date(2015, 6, 1), datetime.date(2019, 1, 1), datetime.date(2025, 12, 31)):
        period = Period(datetime.date(on.year, 1, 1), datetime.date(on.year, 12, 31), on)
        tables = figures(manager, period)
        assert dict(tables["agreements_summary"])["in_force"] == len(
            in_force_by_hand(on, confidential=True)
        )
        viewer_tables = figures(viewer, period)
        assert dict(viewer_tables["agreements_summary"])["in_force"] == len(
            in_force_by_hand(on, confidential=False)
        )
    year = busiest_year()
    assert_mobility_agrees(figures(manager, Period.calendar_year(year)), range(year, year + 1))


def test_planned_and_done_are_kept_apart_with_their_person_months(make_staff):
    user = make_staff(VIEWER)
    f.MobilityExchangeFactory(  # planned: 4 months as planned
        planned_start=datetime.date(2025, 3, 1), planned_end=datetime.date(2025, 7, 1)
    )
    f.MobilityExchangeFactory(  # done: its actual dates count
        status="completed",
        planned_start=datetime.date(2025, 1, 1),
        planned_end=datetime.date(2025, 12, 31),
        actual_start=datetime.date(2025, 2, 1),
        actual_end=datetime.date(2025, 3, 3),
    )
    f.MobilityExchangeFactory(
        status="cancelled", planned_start=datetime.date(2025, 5, 1), planned_end=None
    )
    f.MobilityExchangeFactory(  # another calendar year, the same academic year
        planned_start=datetime.date(2024, 12, 31), planned_end=None
    )
    tables = figures(user, Period.calendar_year(2025))
    assert tables["mobility_stage"] == [["done", 1, 1.0], ["planned", 1, 4.0]]
    academic = figures(user, Period.academic_year(2024))  # Sept 2024 – Aug 2025
    assert [row[1] for row in academic["mobility_stage"]] == [1, 2]


def test_filters_keep_their_partnership_country_theme_and_funder(make_staff):
    user = make_staff(VIEWER)
    theme, funder = f.ResearchThemeFactory(), f.InstitutionFactory(country="FR")
    funded = f.PartnershipFactory()
    funded.themes.add(theme)
    f.PartnershipMemberFactory(partnership=funded, institution=funder, role="funder")
    day = datetime.date(2025, 4, 1)
    kept = f.MobilityExchangeFactory(partnership=funded, planned_start=day, planned_end=None)
    f.MobilityExchangeFactory(
        partnership=f.PartnershipFactory(), planned_start=day, planned_end=None
    )
    f.MobilityExchangeFactory(funder=funder, planned_start=day, planned_end=None)  # directly
    german = f.MobilityExchangeFactory(
        planned_start=day, planned_end=None, host_institution=f.InstitutionFactory(country="DE")
    )
    period = Period.calendar_year(2025)

    def count(**filters):
        return sum(row[5] for row in figures(user, period, **filters)["mobility_detail"])

    assert count() == 4
    assert count(partnership=kept.partnership_id) == 1
    assert count(theme=theme.pk) == 1
    assert count(funder=funder.pk) == 2
    assert count(country="DE") == 1
    assert german.host_institution.country == "DE"


def test_confidential_agreements_count_only_for_those_who_may_see_them(make_staff):
    day = datetime.date(2025, 5, 5)
    f.AgreementFactory(signed_on=day, status="in_force")
    f.AgreementFactory(signed_on=day, status="in_force", is_confidential=True)
    period = Period.calendar_year(2025)
    seen = dict(figures(make_staff(AGREEMENTS_MANAGER), period)["agreements_summary"])
    withheld = dict(figures(make_staff(VIEWER), period)["agreements_summary"])
    assert (seen["signed"], seen["in_force"]) == (2, 2)
    assert (withheld["signed"], withheld["in_force"]) == (1, 1)


def test_agreements_expiring_and_renewed_in_the_period(make_staff):
    user = make_staff(AGREEMENTS_MANAGER)
    successor = f.AgreementFactory(signed_on=datetime.date(2025, 9, 1))
    f.AgreementFactory(
        status="in_force",
        signed_on=datetime.date(2020, 1, 1),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2025, 10, 31),
        successor=successor,
    )
    f.AgreementFactory(  # ends after the period
        status="in_force", signed_on=datetime.date(2020, 1, 1), end_date=datetime.date(2027, 1, 1)
    )
    summary = dict(figures(user, Period.calendar_year(2025))["agreements_summary"])
    assert (summary["expiring"], summary["renewed"], summary["signed"]) == (1, 1, 1)


def report_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/backoffice/reports/?period_kind=calendar&year=2020")
    assert response.status_code == 200
    return len(queries)


def test_the_report_page_does_the_same_work_at_two_data_sizes(synthetic_data, role_client):
    client = role_client(AGREEMENTS_MANAGER)
    synthetic_data(scale=0.001)
    client.get("/backoffice/reports/?period_kind=calendar&year=2020")  # per-process caches
    small = report_queries(client)
    synthetic_data(scale=0.003, seed=2)
    assert MobilityExchange.objects.count() > 300
    assert report_queries(client) == small
