"""iCalendar feed of the public events."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.calendars import all_day, calendar
from core.models import DatePrecision

from .models import Event

FEED_AGGREGATE = "events-feed"  # cached per content version (core.versioned)
PAST_YEARS = 1  # the feed's window: upcoming events and those of the last 12 months
MAX_PAST_YEARS = 5  # ?past=N asks for N years back, at most this many


def past_years(value: str | None) -> int:
    """The `past` parameter as a number of years between 1 and MAX_PAST_YEARS; ValueError if it
    is not a number."""
    if value in (None, ""):
        return PAST_YEARS
    return max(1, min(MAX_PAST_YEARS, int(value)))


def public_events(
    *, absolute, years: int = PAST_YEARS, today: datetime.date | None = None
) -> bytes:
    """Public events whose day is known (a month or a year is not a calendar date), from
    `years` years ago on: a bounded window, whatever the length of the history."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=round(365.25 * years))
    feed = calendar(_("CLARA international events"))
    events = (
        Event.objects.public()
        .filter(date_precision=DatePrecision.DAY, start_date__gte=since)
        .order_by("start_date", "pk")
    )
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
            entry.add("location", location)
        feed.add_component(entry)
    return feed.to_ical()
