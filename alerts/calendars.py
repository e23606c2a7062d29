"""iCalendar feed of a staff member's own deadlines."""

import datetime

from django.utils.translation import gettext as _

from core.calendars import all_day, calendar
from mobility.models import MobilityExchange
from partnerships.models import Agreement


def staff_deadlines(*, user) -> bytes:
    feed = calendar(_("CLARA deadlines"))
    agreements = (
        Agreement.objects.visible_to(user)
        .exclude(end_date=None)
        .filter(status__in=Agreement.Status.binding())
    )
    if user.has_perm("partnerships.view_agreement"):
        for agreement in agreements:
            feed.add_component(
                all_day(
                    f"agreement-end-{agreement.pk}",
                    _("Agreement ends: %(ref)s") % {"ref": agreement.reference},
                    agreement.end_date,
                    description=agreement.title,
                )
            )
            if agreement.renewal_notice_days:
                notice = agreement.end_date - datetime.timedelta(days=agreement.renewal_notice_days)
                feed.add_component(
                    all_day(
                        f"agreement-notice-{agreement.pk}",
                        _("Renewal notice due: %(ref)s") % {"ref": agreement.reference},
                        notice,
                        description=agreement.title,
                    )
                )
    if user.has_perm("mobility.view_mobilityexchange"):
        mobilities = MobilityExchange.objects.not_cancelled().select_related(
            "person", "host_institution"
        )
        for mobility in mobilities:
            for kind, date, label in (
                ("start", mobility.start, _("Mobility starts")),
                ("end", mobility.end, _("Mobility ends")),
            ):
                if date:
                    feed.add_component(
                        all_day(
                            f"mobility-{kind}-{mobility.pk}",
                            f"{label}: {mobility}",
                            date,
                        )
                    )
    return feed.to_ical()
