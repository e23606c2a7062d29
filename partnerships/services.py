"""Agreement lifecycle: moving an agreement on and renewing it.

The rule itself (which moves are allowed, when a signing date is needed) lives in
`AgreementStatus` and `Agreement.clean()`, so that the admin and the import share it.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.languages import content_languages, localized, localized_in
from institutions.models import Institution
from pagecache.versions import bump_content_version

from .models import Agreement, AgreementCommitment, AgreementParty

Status = Agreement.Status


@transaction.atomic
def transition_agreement(
    *,
    agreement: Agreement,
    to_status: str,
    signed_on: datetime.date | None = None,
    reason: str = "",
) -> Agreement:
    """Move `agreement` to `to_status`; Agreement.clean() refuses a move the lifecycle forbids."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    agreement.status = to_status
    if signed_on is not None:
        agreement.signed_on = signed_on
    agreement.full_clean()
    agreement._change_reason = reason  # kept in the agreement's history
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
    titles: dict[str, str] | None = None,
    parties: Iterable[Institution] | None = None,
) -> Agreement:
    """A draft successor keeping parties, commitments and themes, linked to its predecessor;
    off the public site until staff publish it (`is_public`). The predecessor's renewal is then
    in progress: its deadlines no longer alert.

    `titles` ({language: title}) replaces the predecessor's title in those languages; `parties`
    (institutions) replaces its parties: those kept keep their order, new ones follow."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.successor_id:
        raise ValidationError(_("This agreement has already been renewed."), code="renewed")
    successor = Agreement(
        reference=reference,
        slug=slug,
        kind=agreement.kind,
        status=Status.DRAFT,
        partnership=agreement.partnership,
        start_date=start_date,
        end_date=end_date,
        renewal_notice_days=agreement.renewal_notice_days,
        is_confidential=agreement.is_confidential,
        is_public=False,
        responsible=agreement.responsible,
    )
    for language in content_languages():
        for field in ("title", "summary"):
            name = localized_in(language, field)[0]
            setattr(successor, name, getattr(agreement, name))
        if (titles or {}).get(language):
            setattr(successor, localized_in(language, "title")[0], titles[language])
    successor.full_clean()
    successor.save()
    successor.themes.set(agreement.themes.all())
    AgreementParty.objects.bulk_create(
        AgreementParty(agreement=successor, institution_id=institution_id, position=position)
        for position, institution_id in enumerate(_successor_parties(agreement, parties), 1)
    )
    AgreementCommitment.objects.bulk_create(
        AgreementCommitment(
            agreement=successor,
            kind=c.kind,
            position=c.position,
            **{name: getattr(c, name) for name in localized("description")},
        )
        for c in agreement.commitments.all()
    )
    bump_content_version(withdrawn=False)  # bulk_create sends no signal; it hides nothing
    agreement.successor = successor
    agreement.save(update_fields=["successor", "updated_at"])
    return successor


def _successor_parties(agreement: Agreement, parties: Iterable[Institution] | None) -> list[int]:
    kept = list(
        agreement.parties.order_by("position", "pk").values_list("institution_id", flat=True)
    )
    if parties is None:
        return kept
    chosen = {institution.pk for institution in parties}
    return [pk for pk in kept if pk in chosen] + sorted(chosen - set(kept))
