import datetime

import pytest

from mobility.models import MobilityExchange
from tests.factories import InstitutionFactory, MobilityExchangeFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db
D = datetime.date


def test_planned_and_actual_ends_not_before_starts():
    with refused_by_database("mobility_planned_end_after_start"):
        MobilityExchangeFactory(planned_start=D(2012, 2, 20), planned_end=D(2012, 2, 19))
    with refused_by_database("mobility_actual_end_after_start"):
        MobilityExchangeFactory(actual_start=D(2012, 2, 20), actual_end=D(2012, 1, 1))


def test_home_and_host_differ():
    institution = InstitutionFactory()
    with refused_by_database("mobility_home_differs_from_host"):
        MobilityExchangeFactory(home_institution=institution, host_institution=institution)


def test_choices_are_enforced_by_the_database():
    with refused_by_database("mobility_category_valid"):
        MobilityExchangeFactory(category="astronaut")
    with refused_by_database("mobility_direction_valid"):
        MobilityExchangeFactory(direction="sideways")


def test_under_way_uses_actual_dates_first():
    today = D(2026, 11, 22)
    planned = MobilityExchangeFactory(planned_start=D(2026, 11, 1), planned_end=D(2027, 2, 1))
    finished_early = MobilityExchangeFactory(
        planned_start=D(2026, 11, 1),
        planned_end=D(2027, 2, 1),
        actual_start=D(2026, 11, 1),
        actual_end=D(2026, 11, 20),
    )
    MobilityExchangeFactory(
        planned_start=D(2026, 11, 1), planned_end=D(2027, 2, 1), status="cancelled"
    )
    assert list(MobilityExchange.objects.under_way(today)) == [planned]
    assert finished_early.end == D(2026, 11, 20)


def test_unnamed_participant_is_described_by_category():
    mobility = MobilityExchangeFactory(person=None, category="researcher")
    assert str(mobility).startswith("Researcher → ")


def test_under_way_includes_open_ended_and_extended_mobilities():
    today = D(2026, 11, 22)
    open_ended = MobilityExchangeFactory(planned_start=D(2026, 1, 1), planned_end=None)
    extended = MobilityExchangeFactory(
        planned_start=D(2026, 1, 1),
        planned_end=D(2026, 6, 1),
        actual_start=D(2026, 1, 1),
        actual_end=D(2026, 12, 31),
    )
    MobilityExchangeFactory(planned_start=D(2026, 12, 1), planned_end=D(2027, 1, 1))  # not yet
    MobilityExchangeFactory(planned_start=D(2025, 1, 1), planned_end=D(2026, 11, 21))  # ended
    found = set(MobilityExchange.objects.under_way(today))
    assert found == {open_ended, extended}
