"""Writing introduction requests: limits, creation, e-mails, retention, export and erasure."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.clients import client_address
from core.typography import typography

from .models import IntroductionRequest
from .selectors import kind_of

logger = logging.getLogger(__name__)

TOO_MANY_FROM_ADDRESS = _(
    "You have sent several requests in the last day already. We will answer them first; "
    "please try again tomorrow."
)
TOO_MANY_FROM_CLIENT = _(
    "Many requests have come from your network in the last hour. Please try again later."
)


def client_digest(request) -> str:
    """Who asked, for the per-address limit: a keyed digest of the IP address, never the address."""
    return salted_hmac(
        "introductions.client", client_address(request), algorithm="sha256"
    ).hexdigest()[:32]


def check_limits(*, email: str, client: str, now=None) -> None:
    """Refuse (ValidationError) a request beyond the limits per e-mail address and per client."""
    now = now or timezone.now()
    by_address = IntroductionRequest.objects.from_address(email).filter(
        created_at__gte=now - timedelta(days=1)
    )
    if by_address.count() >= settings.INTRODUCTION_PER_ADDRESS_DAY:
        raise ValidationError(TOO_MANY_FROM_ADDRESS, code="rate")
    by_client = IntroductionRequest.objects.filter(
        client=client, created_at__gte=now - timedelta(hours=1)
    )
    if by_client.count() >= settings.INTRODUCTION_PER_CLIENT_HOUR:
        raise ValidationError(TOO_MANY_FROM_CLIENT, code="rate")


@transaction.atomic
def create_request(
    *, data: dict, record, language: str, client: str, base_url: str
) -> IntroductionRequest:
    """Record the request (after the limits), then, once committed, send its two e-mails
    through the task queue."""
    check_limits(email=data["email"], client=client)
    field = {"team": "team", "institution": "institution", "collaboration": "partnership"}[
        kind_of(record)
    ]
    introduction = IntroductionRequest(
        name=data["name"].strip(),
        email=data["email"].strip(),
        clara_team=data.get("clara_team"),
        message=data["message"].strip(),
        subject=str(record)[:255],
        language=language,
        consent_at=timezone.now(),
        client=client,
        **{field: record},
    )
    introduction.full_clean()
    introduction.save()
    from .tasks import send_introduction_emails

    pk = introduction.pk
    transaction.on_commit(lambda: send_introduction_emails.enqueue(pk, base_url))
    return introduction


def _message(template: str, context: dict, to: list[str], **kwargs) -> EmailMultiAlternatives:
    subject = typography(render_to_string(f"introductions/{template}_subject.txt", context).strip())
    body = typography(render_to_string(f"introductions/{template}.txt", context))
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to, **kwargs)


def send_emails(*, request_id: int, base_url: str) -> int:
    """The office's notice (in the site's language) and the researcher's acknowledgement (in
    theirs); returns how many were sent."""
    introduction = (
        IntroductionRequest.objects.select_related("clara_team__institution")
        .filter(pk=request_id)
        .first()
    )
    if introduction is None:  # erased meanwhile
        return 0
    record = introduction.record
    context = {
        "introduction": introduction,
        "record_url": base_url + record.get_absolute_url() if record else "",
        "admin_url": base_url
        + reverse("admin:introductions_introductionrequest_change", args=[introduction.pk]),
    }
    sent = 0
    office = settings.INTRODUCTION_OFFICE_EMAIL
    if office:
        with translation.override(settings.LANGUAGE_CODE):
            _message("office", context, [office], reply_to=[introduction.email]).send()
        sent += 1
    else:
        logger.warning(
            "INTRODUCTION_OFFICE_EMAIL is not set: request %s is in the admin only", request_id
        )
    with translation.override(introduction.language):
        reply_to = [office] if office else []
        _message("acknowledgement", context, [introduction.email], reply_to=reply_to).send()
    return sent + 1


def purge_expired(*, now=None) -> int:
    """Delete the requests closed longer ago than the retention period, with their history."""
    due = IntroductionRequest.objects.due_for_deletion(now)
    return erase(due)


@transaction.atomic
def erase(requests) -> int:
    """Delete these requests and every past version of them."""
    ids = list(requests.values_list("pk", flat=True))
    deleted, _by_model = IntroductionRequest.objects.filter(pk__in=ids).delete()
    # After the deletion, which records a last version of its own.
    IntroductionRequest.history.filter(id__in=ids).delete()
    return deleted


def addresses_of(requests) -> set[str]:
    return {email.lower() for email in requests.values_list("email", flat=True)}


def export_for_addresses(emails: set[str]) -> list[dict]:
    """Everything held about the people writing from these addresses: their requests."""
    rows = []
    for email in sorted(emails):
        for introduction in IntroductionRequest.objects.from_address(email).select_related(
            "clara_team"
        ):
            rows.append(
                {
                    "email": introduction.email,
                    "name": introduction.name,
                    "language": introduction.language,
                    "clara_team": str(introduction.clara_team or ""),
                    "about": introduction.subject,
                    "message": introduction.message,
                    "consent_at": introduction.consent_at,
                    "sent_at": introduction.created_at,
                    "status": introduction.get_status_display(),
                    "closed_at": introduction.closed_at,
                }
            )
    return json.loads(json.dumps(rows, cls=DjangoJSONEncoder))


def erase_addresses(emails: set[str]) -> int:
    """Erase every request sent from these addresses (GDPR article 17)."""
    total = 0
    for email in emails:
        total += erase(IntroductionRequest.objects.from_address(email))
    return total
