"""iCalendar feeds: public events, and a staff member's own deadlines."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.models import DatePrecision
from events.models import Event
from mobility.models import MobilityExchange
from partnerships.models import Agreement

DOMAIN = "clara-partnerships"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Cancéropôle CLARA//Partnerships//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _all_day(
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
    entry.add("summary", summary)
    entry.add("dtstart", start)
    entry.add("dtend", (end or start) + datetime.timedelta(days=1))
    if description:
        entry.add("description", description)
    if url:
        entry.add("url", url)
    return entry


def public_events(*, absolute) -> bytes:
    """Public events whose day is known (a month or a year is not a calendar date)."""
    calendar = _calendar(_("CLARA international events"))
    events = (
        Event.objects.public().filter(date_precision=DatePrecision.DAY).exclude(start_date=None)
    )
    for event in events:
        location = ", ".join(part for part in (event.venue, event.city) if part)
        entry = _all_day(
            f"event-{event.pk}",
            event.title,
            event.start_date,
            event.end_date,
            event.description,
            absolute(event.get_absolute_url()),
        )
        if location:
            entry.add("location", location)
        calendar.add_component(entry)
    return calendar.to_ical()


def staff_deadlines(*, user) -> bytes:
    calendar = _calendar(_("CLARA deadlines"))
    agreements = (
        Agreement.objects.visible_to(user)
        .exclude(end_date=None)
        .filter(status__in=["signed", "in_force"])
    )
    if user.has_perm("partnerships.view_agreement"):
        for agreement in agreements:
            calendar.add_component(
                _all_day(
                    f"agreement-end-{agreement.pk}",
                    _("Agreement ends: %(ref)s") % {"ref": agreement.reference},
                    agreement.end_date,
                    description=agreement.title,
                )
            )
            if agreement.renewal_notice_days:
                notice = agreement.end_date - datetime.timedelta(days=agreement.renewal_notice_days)
                calendar.add_component(
                    _all_day(
                        f"agreement-notice-{agreement.pk}",
                        _("Renewal notice due: %(ref)s") % {"ref": agreement.reference},
                        notice,
                        description=agreement.title,
                    )
                )
    if user.has_perm("mobility.view_mobilityexchange"):
        mobilities = MobilityExchange.objects.exclude(status="cancelled").select_related(
            "person", "host_institution"
        )
        for mobility in mobilities:
            for kind, date, label in (
                ("start", mobility.start, _("Mobility starts")),
                ("end", mobility.end, _("Mobility ends")),
            ):
                if date:
                    calendar.add_component(
                        _all_day(
                            f"mobility-{kind}-{mobility.pk}",
                            f"{label}: {mobility}",
                            date,
                        )
                    )
    return calendar.to_ical()
