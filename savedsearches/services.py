"""Saved searches: subscribing (double opt-in), confirming, unsubscribing, and the digest of new
results. Links carry signed tokens (django.core.signing): no secret is stored."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.typography import typography
from search import selectors
from search.exports import normalized
from search.kinds import KINDS

from .models import SavedSearch

logger = logging.getLogger(__name__)

SALT = "savedsearches"
CONFIRM, UNSUBSCRIBE = "confirm", "unsubscribe"
TOO_MANY = _("Too many searches have been saved from your network lately. Please try again later.")
TOO_MANY_FOR_ADDRESS = _(
    "This address follows %(limit)s searches already: unsubscribe from one before adding another."
)


def token(saved: SavedSearch, action: str) -> str:
    return signing.dumps({"id": saved.pk, "a": action, "e": saved.email.lower()}, salt=SALT)


def from_token(value: str, action: str) -> SavedSearch | None:
    """The saved search a link names, if its signature holds (and, to confirm, within
    SAVED_SEARCH_CONFIRM_DAYS); None otherwise."""
    max_age = timedelta(days=settings.SAVED_SEARCH_CONFIRM_DAYS) if action == CONFIRM else None
    try:
        data = signing.loads(value, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if data.get("a") != action:
        return None
    saved = SavedSearch.objects.filter(pk=data.get("id")).first()
    if saved is None or saved.email.lower() != data.get("e"):
        return None
    return saved


def link(saved: SavedSearch, action: str) -> str:
    name = "savedsearches:confirm" if action == CONFIRM else "savedsearches:unsubscribe"
    with translation.override(saved.language):
        return saved.base_url + reverse(name, args=[token(saved, action)])


def search_url(saved: SavedSearch) -> str:
    with translation.override(saved.language):
        params = QueryDict(saved.query_string, mutable=True)
        params["type"] = saved.kind
        return f"{saved.base_url}{reverse('search:search')}?{params.urlencode()}"


def describe(saved: SavedSearch) -> str:
    """The search in words: its keywords and filters."""
    params = QueryDict(saved.query_string)
    words = params.get("q", "")
    filters = ", ".join(f"{k}={v}" for k, v in params.items() if k not in {"q", "type"})
    with translation.override(saved.language):
        label = str(KINDS[saved.kind].label)
    quoted = (f"« {words} »" if saved.language == "fr" else f"“{words}”") if words else ""
    return " · ".join(part for part in (label, quoted, filters) if part)


def _check_limits(*, email: str, client: str) -> None:
    hour_ago = timezone.now() - timedelta(hours=1)
    if (
        SavedSearch.objects.filter(client=client, created_at__gte=hour_ago).count()
        >= settings.SAVED_SEARCH_PER_CLIENT_HOUR
    ):
        raise ValidationError(TOO_MANY, code="rate")
    limit = settings.SAVED_SEARCH_PER_ADDRESS
    if SavedSearch.objects.from_address(email).count() >= limit:
        raise ValidationError(TOO_MANY_FOR_ADDRESS, code="rate", params={"limit": limit})


def subscribe(
    *, email: str, kind: str, params, language: str, client: str, base_url: str
) -> SavedSearch:
    """Save the search (unconfirmed) and send the confirmation link; the same search saved
    again by the same address sends its link again."""
    query_string = normalized(_without_type(params))
    existing = SavedSearch.objects.from_address(email).filter(kind=kind, query_string=query_string)
    saved = existing.first()
    if saved is None:
        _check_limits(email=email, client=client)
        saved = SavedSearch(
            email=email.strip(),
            kind=kind,
            query_string=query_string,
            language=language,
            base_url=base_url,
            client=client,
        )
        saved.full_clean()
        try:
            with transaction.atomic():
                saved.save()
        except IntegrityError:  # the same, saved at the same moment
            saved = existing.get()
    if not saved.is_confirmed:
        from .tasks import send_confirmation

        pk = saved.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(pk))
    return saved


def _without_type(params) -> QueryDict:
    params = params.copy()
    for key in ("type", "page", "email", "website", "csrfmiddlewaretoken"):
        params.pop(key, None)
    return params


def _send(saved: SavedSearch, template: str, context: dict, *, unsubscribe: bool) -> None:
    context = {"saved": saved, "description": describe(saved), **context}
    with translation.override(saved.language):
        subject = typography(
            render_to_string(f"savedsearches/{template}_subject.txt", context).strip()
        )
        body = typography(render_to_string(f"savedsearches/{template}.txt", context))
    headers = {}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, [saved.email], headers=headers
    ).send()


def send_confirmation(*, saved_id: int) -> bool:
    saved = SavedSearch.objects.filter(pk=saved_id, confirmed_at__isnull=True).first()
    if saved is None:
        return False
    context = {"confirm_url": link(saved, CONFIRM), "days": settings.SAVED_SEARCH_CONFIRM_DAYS}
    _send(saved, "confirm", context, unsubscribe=False)
    return True


def matching_keys(saved: SavedSearch) -> list[int]:
    """The newest matches of the saved search (by key), at most SAVED_SEARCH_SEEN_MAX: one
    bounded query."""
    params = QueryDict(saved.query_string)
    found = selectors.search(kind=saved.kind, params=params, candidates=False)
    if not found.valid:
        return []
    limit = settings.SAVED_SEARCH_SEEN_MAX
    return list(found.matches.order_by("-pk").values_list("pk", flat=True)[:limit])


@transaction.atomic
def confirm(*, saved: SavedSearch) -> SavedSearch:
    """Double opt-in: from now on, new results are sent; today's results are known already."""
    if not saved.is_confirmed:
        saved.seen = matching_keys(saved)
        saved.confirmed_at = timezone.now()
        saved.save(update_fields=["seen", "confirmed_at"])
    return saved


def unsubscribe(*, saved: SavedSearch) -> None:
    """One click: the saved search and the address it held are deleted."""
    SavedSearch.objects.filter(pk=saved.pk).delete()


def new_results(saved: SavedSearch) -> tuple[list, list[int]]:
    """The records matching now that were not known (the first SAVED_SEARCH_DIGEST_MAX to
    show), and the keys known after this digest."""
    keys = matching_keys(saved)
    known = set(saved.seen)
    new = [pk for pk in keys if pk not in known]
    shown = new[: settings.SAVED_SEARCH_DIGEST_MAX]
    model = KINDS[saved.kind].model
    records = list(model.objects.filter(pk__in=shown).order_by("-pk")) if shown else []
    return records, keys


def send_digest(*, saved: SavedSearch, now=None) -> int:
    """The digest of one saved search, if it has new results; returns how many were listed."""
    records, keys = new_results(saved)
    if records:
        with translation.override(saved.language):
            items = [(str(r), saved.base_url + r.get_absolute_url()) for r in records]
        context = {
            "items": items,
            "more": len([k for k in keys if k not in set(saved.seen)]) - len(items),
            "search_url": search_url(saved),
            "unsubscribe_url": link(saved, UNSUBSCRIBE),
        }
        _send(saved, "digest", context, unsubscribe=True)
    saved.seen = keys
    saved.last_sent_at = now or timezone.now()
    saved.save(update_fields=["seen", "last_sent_at"])
    return len(records)


def send_digests(*, now=None) -> tuple[int, int]:
    """Every confirmed saved search's digest (each a bounded amount of work); unconfirmed ones
    past their time are deleted. Returns (digests sent, results listed)."""
    SavedSearch.objects.unconfirmed_expired(now).delete()
    sent = listed = 0
    for saved in SavedSearch.objects.confirmed().order_by("pk").iterator(chunk_size=200):
        try:
            count = send_digest(saved=saved, now=now)
        except Exception:  # one failing search (or address) does not stop the others
            logger.exception("saved search %s: digest failed", saved.pk)
            continue
        sent += bool(count)
        listed += count
    return sent, listed


def erase_addresses(emails: set[str]) -> int:
    total = 0
    for email in emails:
        total += SavedSearch.objects.from_address(email).delete()[0]
    return total


def export_for_addresses(emails: set[str]) -> list[dict]:
    return [
        {
            "email": s.email,
            "search": describe(s),
            "created_at": s.created_at.isoformat(),
            "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            "last_sent_at": s.last_sent_at.isoformat() if s.last_sent_at else None,
        }
        for email in sorted(emails)
        for s in SavedSearch.objects.from_address(email)
    ]
