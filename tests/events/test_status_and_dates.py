import datetime

import pytest
from django.utils import translation

from core.models import format_partial_range
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "fr", "en"),
    [
        (D(2011, 7, 4), D(2011, 7, 6), "day", "du 4 au 6 juillet 2011", "4–6 July 2011"),
        (
            D(2011, 6, 30),
            D(2011, 7, 2),
            "day",
            "du 30 juin au 2 juillet 2011",
            "30 June – 2 July 2011",
        ),
        (
            D(2011, 12, 30),
            D(2012, 1, 2),
            "day",
            "du 30 décembre 2011 au 2 janvier 2012",
            "30 December 2011 – 2 January 2012",
        ),
        (D(2011, 7, 4), D(2011, 7, 4), "day", "4 juillet 2011", "4 July 2011"),
        (D(2011, 7, 4), None, "day", "4 juillet 2011", "4 July 2011"),
        (
            D(2012, 11, 1),
            D(2012, 12, 1),
            "month",
            "novembre–décembre 2012",
            "November–December 2012",
        ),
        (
            D(2012, 11, 1),
            D(2013, 1, 1),
            "month",
            "novembre 2012 – janvier 2013",
            "November 2012 – January 2013",
        ),
        (D(2012, 1, 1), D(2013, 1, 1), "year", "2012–2013", "2012–2013"),
    ],
)
def test_date_ranges_are_written_as_people_write_them(start, end, precision, fr, en):
    with translation.override("fr"):
        assert format_partial_range(start, end, precision) == fr
    with translation.override("en"):
        assert format_partial_range(start, end, precision) == en


def test_an_event_announced_for_a_month_or_year_now_over_is_planned_not_past():
    today = D(2026, 11, 22)
    held = EventFactory(start_date=D(2011, 7, 4), end_date=D(2011, 7, 6))
    announced_month = EventFactory(start_date=D(2018, 11, 1), end_date=None, date_precision="month")
    announced_year = EventFactory(start_date=D(2012, 1, 1), end_date=None, date_precision="year")
    this_month = EventFactory(start_date=D(2026, 11, 1), end_date=None, date_precision="month")
    this_year = EventFactory(start_date=D(2026, 1, 1), end_date=None, date_precision="year")
    running = EventFactory(start_date=D(2026, 11, 21), end_date=D(2026, 11, 23))
    assert set(Event.objects.past(today)) == {held}
    assert set(Event.objects.planned(today)) == {announced_month, announced_year}
    assert set(Event.objects.upcoming(today)) == {this_month, this_year, running}
    for event in Event.objects.all():  # each event says the same as the queries
        expected = next(
            name
            for name in ("past", "planned", "upcoming")
            if getattr(Event.objects, name)(today).filter(pk=event.pk).exists()
        )
        assert event.timing(today) == expected


def test_the_events_page_and_home_page_list_planned_events_apart(client, clara_dataset):
    html = client.get("/en/events/").content.decode()
    past = html[html.index('id="past"') : html.index('id="planned"')]
    planned = html[html.index('id="planned"') :]
    assert "First CLARA – Oncopole symposium" not in past
    assert "First CLARA – Oncopole symposium" in planned
    assert "2nd Shanghai/Rhône-Alpes Symposium" in planned
    assert "4–6 July 2011" in past
    assert "du 4 au 6 juillet 2011" in client.get("/fr/events/").content.decode()
    home = client.get("/en/").content.decode()
    latest = home[home.index('id="events-title"') :]
    assert "First CLARA – Oncopole symposium" not in latest
    assert "2nd Shanghai" not in latest
    page = client.get("/en/events/clara-oncopole-symposium-2018/").content.decode()
    assert "whether it took place is not known" in page
    held = client.get("/en/events/shanghai-rhone-alpes-symposium-2011/").content.decode()
    assert "whether it took place is not known" not in held
