import datetime

import pytest
from django.utils import translation

from events.models import Event
from tests.factories import EventFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db
D = datetime.date


def test_end_not_before_start_and_not_without_start():
    with refused_by_database("event_end_after_start"):
        EventFactory(start_date=D(2011, 7, 6), end_date=D(2011, 7, 4))
    with refused_by_database("event_end_after_start"):
        EventFactory(start_date=None, end_date=D(2011, 7, 4))


def test_slug_unique():
    EventFactory(slug="symposium")
    with refused_by_database("event_unique_slug", r"events_event\.slug"):
        EventFactory(slug="symposium")


def test_partial_dates_are_shown_to_their_precision():
    with translation.override("en"):
        assert (
            EventFactory(
                start_date=D(2018, 11, 1), end_date=None, date_precision="month"
            ).date_display
            == "November 2018"
        )
        assert (
            EventFactory(
                start_date=D(2012, 1, 1), end_date=None, date_precision="year"
            ).date_display
            == "2012"
        )
    with translation.override("fr"):
        assert EventFactory(start_date=D(2018, 3, 8), end_date=None).date_display == "8 mars 2018"


def test_upcoming_past_and_unknown_dates_last():
    today = D(2026, 11, 22)
    past = EventFactory(start_date=D(2011, 7, 4), end_date=None)
    upcoming = EventFactory(start_date=D(2027, 1, 10), end_date=None)
    undated = EventFactory(start_date=None, end_date=None)
    assert list(Event.objects.upcoming(today)) == [upcoming]
    assert list(Event.objects.past(today)) == [past]
    assert list(Event.objects.all()) == [upcoming, past, undated]
