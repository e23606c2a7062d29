"""iCalendar feed of the public events."""

from django.utils.translation import gettext as _

from core.calendars import all_day, calendar
from core.models import DatePrecision

from .models import Event


def public_events(*, absolute) -> bytes:
    """Public events whose day is known (a month or a year is not a calendar date)."""
    feed = calendar(_("CLARA international events"))
    events = (
        Event.objects.public().filter(date_precision=DatePrecision.DAY).exclude(start_date=None)
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
