import hashlib
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from partnerships.models import can_see_confidential

from .models import PartnershipNarrative, ReportDefinition, ReportEdition
from .selectors import Filters, Period, compute

GENERATE_PERMISSION = "reports.add_reportedition"
NARRATIVE_PERMISSION = "reports.change_partnershipnarrative"


def content_hash(*, figures: dict, snapshot: dict) -> str:
    """SHA-256 of the figures and the definition, as canonical JSON."""
    canonical = json.dumps(
        {"figures": figures, "definition": snapshot},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def generate_edition(*, definition: ReportDefinition, period: Period, user) -> ReportEdition:
    """Computes the definition's figures for the period once, as `user` may see them, and
    freezes them in a new edition (numbered after the definition's last one)."""
    if not user.has_perm(GENERATE_PERMISSION):
        raise PermissionDenied
    snapshot = definition.snapshot()
    figures = compute(snapshot["sections"], period, Filters(**snapshot["filters"]), user)
    with transaction.atomic():
        ReportDefinition.objects.select_for_update().filter(pk=definition.pk).first()
        last = definition.editions.aggregate(last=Max("number"))["last"] or 0
        edition = ReportEdition(
            definition=definition,
            number=last + 1,
            period_start=period.start,
            period_end=period.end,
            in_force_on=period.in_force_on,
            generated_by=user,
            includes_confidential=can_see_confidential(user),
            definition_snapshot=snapshot,
            figures=figures,
            content_hash=content_hash(figures=figures, snapshot=snapshot),
        )
        edition.full_clean()
        edition.save()
    return edition


def previous_edition(edition: ReportEdition, user) -> ReportEdition | None:
    """The edition of the same definition generated just before, among those the user may
    open."""
    return (
        ReportEdition.objects.visible_to(user)
        .filter(definition_id=edition.definition_id, number__lt=edition.number)
        .order_by("-number")
        .first()
    )


def save_narrative(*, partnership, year: int, texts: dict[str, str], user) -> PartnershipNarrative:
    """Creates or updates the partnership's highlights of the year (`texts`: the translated
    columns, highlights_fr…)."""
    if not user.has_perm(NARRATIVE_PERMISSION) or not user.has_perm(
        "reports.add_partnershipnarrative"
    ):
        raise PermissionDenied
    with transaction.atomic():
        narrative = (
            PartnershipNarrative.objects.select_for_update()
            .filter(partnership=partnership, year=year)
            .first()
        ) or PartnershipNarrative(partnership=partnership, year=year)
        for name, text in texts.items():
            setattr(narrative, name, text)
        narrative.full_clean()
        narrative.save()
    return narrative
