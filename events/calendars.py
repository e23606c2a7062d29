"""iCalendar feed of the public events."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.calendars import all_day, calendar
from core.models import DatePrecision
from core.typography import typography

from .models import Event

FEED_AGGREGATE = "events-feed"  # cached per content version (pagecache.versioned)
PAST_DAYS = 183  # the feed's window by default: upcoming events and those of the last 6 months
MAX_PAST_YEARS = 5  # ?past=N asks for N years back, at most this many
# At most this many events, the nearest to today (upcoming and past): a feed stays under
# 200 KB (about 400 bytes an event) whatever the number of events planned or held.
MAX_EVENTS = 400


def past_days(value: str | None) -> int:
    """The feed's window back in days: PAST_DAYS, or the `past` parameter's number of years
    (between 1 and MAX_PAST_YEARS); ValueError if it is not a number."""
    if value in (None, ""):
        return PAST_DAYS
    return round(365.25 * max(1, min(MAX_PAST_YEARS, int(value))))


def nearest_events(since: datetime.date, today: datetime.date) -> list[Event]:
    """The MAX_EVENTS public events dated to the day, from `since` on, nearest to today: the
    soonest upcoming and the latest past ones (two bounded queries), by date."""
    dated = Event.objects.public().filter(date_precision=DatePrecision.DAY)
    upcoming = list(dated.upcoming(today).order_by("start_date", "pk")[:MAX_EVENTS])
    past = list(
        dated.past(today).filter(start_date__gte=since).order_by("-start_date", "-pk")[:MAX_EVENTS]
    )
    nearest = sorted(
        upcoming + past, key=lambda event: (abs((event.start_date - today).days), event.pk)
    )[:MAX_EVENTS]
    return sorted(nearest, key=lambda event: (event.start_date, event.pk))


def public_events(*, absolute, days: int = PAST_DAYS, today: datetime.date | None = None) -> bytes:
    """Public events whose day is known (a month or a year is not a calendar date), from
    `days` days ago on: a bounded window, whatever the length of the history."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    feed = calendar(_("CLARA international events"))
    events = nearest_events(since, today)
    for event in events:
        location = ", ".join(part for part in (event.venue, event.city) if part)
        entry = all_day(
            f"event-{event.pk}",
            event.title,
            event.start_date,
            event.end_date,
            event.description,
            absolute(event.get_absolute_url()),
        )
        if location:
            entry.add("location", typography(location))
        feed.add_component(entry)
    return feed.to_ical()
