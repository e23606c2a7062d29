"""iCalendar building blocks shared by the feeds (public events, a staff member's deadlines)."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.typography import typography

DOMAIN = "clara-partnerships"


def calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Cancéropôle CLARA//Partnerships//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", typography(str(name)))
    return calendar


def all_day(
    uid: str,
    summary: str,
    start: datetime.date,
    end: datetime.date | None = None,
    description: str = "",
    url: str = "",
) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{uid}@{DOMAIN}")
    entry.add("dtstamp", timezone.now())
    # French typography in a French feed: the summary, description and location.
    entry.add("summary", typography(summary))
    entry.add("dtstart", start)
    entry.add("dtend", (end or start) + datetime.timedelta(days=1))
    if description:
        entry.add("description", typography(description))
    if url:
        entry.add("url", url)
    return entry


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
