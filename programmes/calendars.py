"""The closing dates of the calls, added to the public events feed."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.calendars import DOMAIN
from core.typography import typography

from .selectors import calls_closing


def with_closing_dates(feed: bytes, *, absolute, days: int) -> bytes:
    """`feed` with one entry per public call closing in the window: its closing time."""
    calls = list(calls_closing(timezone.now() - datetime.timedelta(days=days)))
    if not calls:
        return feed
    calendar = Calendar.from_ical(feed)
    for call in calls:
        entry = CalendarEvent()
        entry.add("uid", f"call-{call.pk}-closes@{DOMAIN}")
        entry.add("dtstamp", timezone.now())
        entry.add("summary", typography(_("Call closes: %(title)s") % {"title": call.title}))
        entry.add("dtstart", timezone.localtime(call.closes_at))
        entry.add("dtend", timezone.localtime(call.closes_at))
        entry.add("url", absolute(call.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()
