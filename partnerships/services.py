"""Agreement lifecycle: the one place where status changes and renewals are decided."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Agreement, AgreementCommitment, AgreementParty

Status = Agreement.Status

TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.NEGOTIATION},
    Status.NEGOTIATION: {Status.DRAFT, Status.SIGNED},
    Status.SIGNED: {Status.IN_FORCE, Status.TERMINATED},
    Status.IN_FORCE: {Status.EXPIRED, Status.TERMINATED},
    Status.EXPIRED: set(),
    Status.TERMINATED: set(),
}
SIGNED_STATES = {Status.SIGNED, Status.IN_FORCE, Status.EXPIRED, Status.TERMINATED}


def validate_status_change(*, old: str | None, new: str, signed_on: datetime.date | None) -> None:
    """Raise a ValidationError naming the allowed moves; a new agreement starts as it likes."""
    if old is not None and old != new and new not in TRANSITIONS[old]:
        allowed = ", ".join(str(Status(s).label) for s in sorted(TRANSITIONS[old])) or _("none")
        raise ValidationError(
            {
                "status": _(
                    "An agreement cannot go from “%(old)s” to “%(new)s” (allowed: %(allowed)s)."
                )
                % {"old": Status(old).label, "new": Status(new).label, "allowed": allowed}
            },
            code="invalid_transition",
        )
    if new in SIGNED_STATES and signed_on is None and (old is None or old not in SIGNED_STATES):
        raise ValidationError(
            {"signed_on": _("A signed agreement needs its signing date.")}, code="signing_date"
        )


@transaction.atomic
def transition_agreement(
    *, agreement: Agreement, to_status: str, signed_on: datetime.date | None = None
) -> Agreement:
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    validate_status_change(
        old=agreement.status, new=to_status, signed_on=signed_on or agreement.signed_on
    )
    agreement.status = to_status
    if signed_on is not None:
        agreement.signed_on = signed_on
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def renew_agreement(
    *,
    agreement: Agreement,
    reference: str,
    slug: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    title_fr: str = "",
    title_en: str = "",
) -> Agreement:
    """A draft successor keeping parties, commitments and themes, linked to its predecessor."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.successor_id:
        raise ValidationError(_("This agreement has already been renewed."), code="renewed")
    successor = Agreement(
        reference=reference,
        slug=slug,
        title_fr=title_fr or agreement.title_fr,
        title_en=title_en or agreement.title_en,
        kind=agreement.kind,
        status=Status.DRAFT,
        partnership=agreement.partnership,
        summary_fr=agreement.summary_fr,
        summary_en=agreement.summary_en,
        start_date=start_date,
        end_date=end_date,
        renewal_notice_days=agreement.renewal_notice_days,
        is_confidential=agreement.is_confidential,
        responsible=agreement.responsible,
    )
    successor.full_clean()
    successor.save()
    successor.themes.set(agreement.themes.all())
    AgreementParty.objects.bulk_create(
        AgreementParty(
            agreement=successor, institution_id=party.institution_id, position=party.position
        )
        for party in agreement.parties.all()
    )
    AgreementCommitment.objects.bulk_create(
        AgreementCommitment(
            agreement=successor,
            kind=c.kind,
            position=c.position,
            description_fr=c.description_fr,
            description_en=c.description_en,
        )
        for c in agreement.commitments.all()
    )
    agreement.successor = successor
    agreement.save(update_fields=["successor", "updated_at"])
    return successor
