"""Deadline digests: each staff member gets, once, what concerns them."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.typography import typography, typography_html
from mobility.models import MobilityExchange
from partnerships.models import Agreement

from .models import ReminderKind, ReminderLog

EXPIRY_THRESHOLDS = (30, 60, 90)
MOBILITY_WINDOW = 30
RENEWAL_WINDOW = 30


@dataclass
class Alert:
    kind: str
    obj: object
    threshold: int
    due_on: datetime.date


@dataclass
class Digest:
    recipient: object
    alerts: list[Alert] = field(default_factory=list)


def _already_sent(alert: Alert, recipient) -> bool:
    return ReminderLog.objects.filter(
        kind=alert.kind,
        object_id=alert.obj.pk,
        threshold=alert.threshold,
        due_on=alert.due_on,
        recipient=recipient,
    ).exists()


def mobility_recipients():
    """Without a responsible agreement, mobility alerts go to staff who may edit mobilities."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return [u for u in users if u.has_perm("mobility.change_mobilityexchange")]


def collect(today: datetime.date) -> dict[int, Digest]:
    digests: dict[int, Digest] = {}

    def add(recipient, alert: Alert) -> None:
        if recipient is None or not recipient.email or not recipient.is_active:
            return
        if not _already_sent(alert, recipient):
            digests.setdefault(recipient.pk, Digest(recipient)).alerts.append(alert)

    # An agreement whose renewal is started (it has a successor) alerts no more.
    agreements = Agreement.objects.not_renewed().select_related("responsible")
    for agreement in agreements.expiring_within(max(EXPIRY_THRESHOLDS), today):
        days = (agreement.end_date - today).days
        threshold = min(t for t in EXPIRY_THRESHOLDS if days <= t)
        add(
            agreement.responsible,
            Alert(ReminderKind.AGREEMENT_EXPIRY, agreement, threshold, agreement.end_date),
        )
    for agreement in agreements.renewal_notice_due(
        until=today + datetime.timedelta(days=RENEWAL_WINDOW), on=today
    ).filter(renewal_notice_on__gte=today):
        notice = agreement.renewal_notice_date
        add(agreement.responsible, Alert(ReminderKind.RENEWAL_NOTICE, agreement, 0, notice))

    window = (today, today + datetime.timedelta(days=MOBILITY_WINDOW))
    mobilities = (
        MobilityExchange.objects.not_cancelled()
        .filter(
            Q(actual_start__range=window)
            | Q(actual_start=None, planned_start__range=window)
            | Q(actual_end__range=window)
            | Q(actual_end=None, planned_end__range=window)
        )
        .select_related("person", "host_institution", "agreement__responsible")
    )
    fallback = None
    for mobility in mobilities:
        if mobility.agreement_id and mobility.agreement.responsible_id:
            recipients = [mobility.agreement.responsible]
        else:
            fallback = fallback if fallback is not None else mobility_recipients()
            recipients = fallback
        for kind, date in (
            (ReminderKind.MOBILITY_START, mobility.start),
            (ReminderKind.MOBILITY_END, mobility.end),
        ):
            if date and window[0] <= date <= window[1]:
                for recipient in recipients:
                    add(recipient, Alert(kind, mobility, 0, date))
    return digests


def _send(digest: Digest, today: datetime.date) -> None:
    context = {"digest": digest, "today": today, "user": digest.recipient}
    with translation.override(settings.LANGUAGE_CODE):
        subject = typography(render_to_string("alerts/digest_subject.txt", context).strip())
        text = typography(render_to_string("alerts/digest.txt", context))
        html = typography_html(render_to_string("alerts/digest.html", context))
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [digest.recipient.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_agreement_reminders(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> list[Digest]:
    """Send each recipient one digest of what is new for them; record it so it is sent once."""
    today = today or timezone.localdate()
    digests = list(collect(today).values())
    if dry_run:
        return digests
    sent = []
    for digest in digests:
        try:
            with transaction.atomic():
                for alert in digest.alerts:
                    ReminderLog.objects.create(
                        kind=alert.kind,
                        object_id=alert.obj.pk,
                        threshold=alert.threshold,
                        due_on=alert.due_on,
                        recipient=digest.recipient,
                    )
                _send(digest, today)  # an error here rolls the log back: it will be retried
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent.append(digest)
    return sent
