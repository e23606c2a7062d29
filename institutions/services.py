"""Writes of the ROR directory: import, linking CLARA institutions, reviewing match proposals."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.languages import in_default_language
from pagecache.versions import bump_content_version

from .models import Institution, RorMatch, RorStatus
from .ror import MAPPED_FIELDS, RorDump, RorDumpError, RorFacts, map_record

BATCH_SIZE = 2000
DEACTIVATED = {RorStatus.INACTIVE, RorStatus.WITHDRAWN}


@dataclass
class RorImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0
    relations_resolved: int = 0
    pending_relations: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.relations_resolved)

    def __str__(self) -> str:
        return (
            f"ROR import: {self.read} records read, {self.created} created, "
            f"{self.updated} updated, {self.deactivated} deactivated, "
            f"{self.unchanged} unchanged; {self.relations_resolved} parent relations resolved, "
            f"{self.pending_relations} pending (parent not in the directory yet)."
        )


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _same(current: Any, wanted: Any) -> bool:
    if current is None or wanted is None:
        return current is None and wanted is None
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        return Decimal(str(current)) == Decimal(str(wanted))
    return str(current) == str(wanted)


def apply_facts(institution: Institution, facts: RorFacts, *, wikidata_taken: bool) -> set[str]:
    """Copy the ROR facts onto an institution; names of the changed fields.

    A field is written when it came from ROR before (listed in `ror_fields`) or is empty: what
    staff typed is never overwritten. Directory rows list every mapped field.
    """
    changed: set[str] = set()
    from_ror = set(institution.ror_fields or [])
    for name in MAPPED_FIELDS:
        wanted = facts.values[name]
        if name == "wikidata_id" and wikidata_taken:
            wanted = ""
        current = getattr(institution, name)
        if name in from_ror or _empty(current):
            if _empty(wanted) and name not in from_ror:
                continue
            if name in (in_default_language("name"), "country", "kind") and _empty(wanted):
                continue  # required: keep what there is
            if not _same(current, wanted):
                setattr(institution, name, wanted)
                changed.add(name)
            if name not in from_ror and not _empty(wanted):
                from_ror.add(name)
    ror_columns = {
        "ror_status": facts.status,
        "ror_successor": facts.successor,
        "ror_types": facts.types,
        "ror_names": facts.names,
        "ror_hash": facts.hash,
        "ror_record": facts.record,
    }
    if "parent" in from_ror or institution.parent_id is None:
        ror_columns["ror_parent"] = facts.parent
        from_ror.add("parent")
    for name, wanted in ror_columns.items():
        if getattr(institution, name) != wanted:
            setattr(institution, name, wanted)
            changed.add(name)
    if set(institution.ror_fields or []) != from_ror:
        institution.ror_fields = sorted(from_ror)
        changed.add("ror_fields")
    return changed


def _new_institution(facts: RorFacts, *, wikidata_taken: bool) -> Institution:
    values = dict(facts.values)
    if wikidata_taken:
        values["wikidata_id"] = ""
    institution = Institution(
        slug=facts.slug,
        ror_id=facts.ror_id,
        source=Institution.Source.ROR,
        network_role=Institution.NetworkRole.OTHER,
        ror_status=facts.status,
        ror_successor=facts.successor,
        ror_parent=facts.parent,
        ror_types=facts.types,
        ror_names=facts.names,
        ror_record=facts.record,
        ror_hash=facts.hash,
        ror_fields=sorted({*MAPPED_FIELDS, "parent"}),
        **values,
    )
    return institution


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def import_ror(
    *,
    path: str,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, float], None] | None = None,
) -> RorImportReport:
    """Upsert the directory from a ROR dump, keyed by ROR id; only what changed is written.

    Each batch is one transaction: a failed run leaves whole batches only and can be re-run.
    Raises RorDumpError, naming the record, on bad input.
    """
    report = RorImportReport()
    dump = RorDump(path)
    known = dict(Institution.objects.exclude(ror_id="").values_list("ror_id", "ror_hash"))
    wikidata_owner = dict(
        Institution.objects.exclude(wikidata_id="").values_list("wikidata_id", "ror_id")
    )
    seen: set[str] = set()
    try:
        for batch in _batches(dump.records(), batch_size):
            _import_batch(batch, seen, known, wikidata_owner, report)
            reset_queries()  # with DEBUG on, the logged bulk inserts would otherwise pile up
            if progress:
                progress(report.read, dump.fraction())
    except RorDumpError as error:
        error.saved = report.read  # the records of the batches written before the error
        raise
    _resolve_parents(report)
    if report.created + report.updated > batch_size and connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics for the planner after a bulk load
            cursor.execute(f"ANALYZE {Institution._meta.db_table}")
    return report


def _import_batch(batch, seen, known, wikidata_owner, report) -> None:
    facts_list = []
    for position, record in batch:
        facts = map_record(record, position)
        if facts.ror_id in seen:
            raise RorDumpError(
                f"record #{position} ({record['id']}): this ROR id appears twice in the dump."
            )
        seen.add(facts.ror_id)
        facts_list.append(facts)
    changed = [f for f in facts_list if known.get(f.ror_id) != f.hash]
    if changed:
        _write_batch(changed, known, wikidata_owner, report)
    report.read += len(facts_list)
    report.unchanged += len(facts_list) - len(changed)


def _wikidata_taken(facts: RorFacts, wikidata_owner: dict[str, str]) -> bool:
    wikidata = facts.values["wikidata_id"]
    if not wikidata:
        return False
    owner = wikidata_owner.setdefault(wikidata, facts.ror_id)
    return owner != facts.ror_id


@transaction.atomic
def _write_batch(
    changed: list[RorFacts],
    known: dict[str, str],
    wikidata_owner: dict[str, str],
    report: RorImportReport,
) -> None:
    new = [f for f in changed if f.ror_id not in known]
    existing = {
        institution.ror_id: institution
        for institution in Institution.objects.filter(
            ror_id__in=[f.ror_id for f in changed if f.ror_id in known]
        )
    }
    Institution.objects.bulk_create(
        [_new_institution(f, wikidata_taken=_wikidata_taken(f, wikidata_owner)) for f in new]
    )
    report.created += len(new)
    to_update, fields = [], set()
    for facts in changed:
        institution = existing.get(facts.ror_id)
        if institution is None:
            continue
        was_active = institution.ror_status not in DEACTIVATED
        updated = apply_facts(
            institution, facts, wikidata_taken=_wikidata_taken(facts, wikidata_owner)
        )
        if updated - {"ror_hash", "ror_record"}:
            report.updated += 1
            if was_active and facts.status in DEACTIVATED:
                report.deactivated += 1
        elif updated:
            report.unchanged += 1  # a new version of the record with nothing CLARA keeps
        if updated:
            to_update.append(institution)
            fields |= updated
    if to_update:
        Institution.objects.bulk_update(to_update, sorted(fields), batch_size=500)
    for facts in changed:
        known[facts.ror_id] = facts.hash


def _resolve_parents(report: RorImportReport) -> None:
    """Parent relations as the institution hierarchy; pending ones resolved once they arrive."""
    # Only where the parent is ROR's to set: empty, or filled from ROR before (not typed).
    rows = [
        (pk, ror_parent, parent_id)
        for pk, ror_parent, parent_id, from_ror in Institution.objects.exclude(
            ror_parent=""
        ).values_list("pk", "ror_parent", "parent_id", "ror_fields")
        if parent_id is None or "parent" in (from_ror or [])
    ]
    if not rows:
        return
    pk_by_ror = dict(
        Institution.objects.filter(ror_id__in={r[1] for r in rows}).values_list("ror_id", "pk")
    )
    parent_of = dict(Institution.objects.exclude(parent=None).values_list("pk", "parent_id"))
    to_update = []
    for pk, ror_parent, parent_id in rows:
        wanted = pk_by_ror.get(ror_parent)
        if wanted is None:
            report.pending_relations += 1
            continue
        if wanted == parent_id:
            continue
        # Never a cycle: walk up from the new parent.
        node, steps = wanted, 0
        while node is not None and node != pk and steps < 100:
            node, steps = parent_of.get(node), steps + 1
        if node == pk:
            continue
        parent_of[pk] = wanted
        to_update.append(Institution(pk=pk, parent_id=wanted))
    if to_update:
        with transaction.atomic():
            Institution.objects.bulk_update(to_update, ["parent"], batch_size=1000)
        report.relations_resolved += len(to_update)


# Linking CLARA institutions -------------------------------------------------------------------


class RorLinkError(Exception):
    pass


def _takes_part(institution: Institution) -> bool:
    """Takes part in anything, published or not: such a directory row is never merged away."""
    return (
        Institution.objects.filter(pk=institution.pk)
        .filter(Institution.objects.taking_part(public=False))
        .exists()
    )


@transaction.atomic
def link_to_ror(*, institution: Institution, ror_id: str) -> Institution:
    """Give a CLARA institution its ROR id and fill its empty fields from the directory.

    The directory row of that ROR id (an organisation CLARA did not use yet) is merged into the
    institution: its children now belong to the institution, then it is deleted.
    """
    if institution.ror_id == ror_id:
        return refresh_from_ror(institution=institution)
    if institution.ror_id:
        raise RorLinkError(
            _("%(institution)s is already linked to ROR id %(ror_id)s.")
            % {"institution": institution, "ror_id": institution.ror_id}
        )
    directory = Institution.objects.filter(ror_id=ror_id).first()
    record, record_hash = None, ""
    if directory is not None:
        if directory.source != Institution.Source.ROR or _takes_part(directory):
            raise RorLinkError(
                _(
                    "ROR id %(ror_id)s already belongs to %(other)s, which CLARA uses: "
                    "merge the two institutions by hand."
                )
                % {"ror_id": ror_id, "other": directory}
            )
        Institution.objects.filter(parent=directory).update(parent=institution)
        directory.people.update(affiliation=institution)
        bump_content_version()  # updates send no signal
        record, record_hash = directory.ror_record, directory.ror_hash
        if institution.parent_id is None and directory.parent_id not in (None, institution.pk):
            institution.parent_id = directory.parent_id
            institution.ror_fields = sorted({*(institution.ror_fields or []), "parent"})
        # Kept in the history: a merge, not a loss (the dashboard's recent changes say so).
        directory._change_reason = _("Merged into %(institution)s") % {"institution": institution}
        directory.delete()
    institution.ror_id = ror_id
    if record is not None:
        facts = map_record(record, 1)
        apply_facts(institution, facts, wikidata_taken=_wikidata_used(facts, institution))
        institution.ror_hash = record_hash
    institution.full_clean()
    institution.save()
    return institution


def _wikidata_used(facts: RorFacts, institution: Institution) -> bool:
    wikidata = facts.values["wikidata_id"]
    return bool(
        wikidata
        and Institution.objects.filter(wikidata_id=wikidata).exclude(pk=institution.pk).exists()
    )


@transaction.atomic
def refresh_from_ror(*, institution: Institution) -> Institution:
    """Fill the institution's empty (or ROR-filled) fields again from its stored ROR record."""
    if not institution.ror_record:
        return institution
    facts = map_record(institution.ror_record, 1)
    changed = apply_facts(institution, facts, wikidata_taken=_wikidata_used(facts, institution))
    parent = Institution.objects.filter(ror_id=facts.parent).first() if facts.parent else None
    if (
        parent is not None
        and parent.pk != institution.pk
        and "parent" in institution.ror_fields
        and institution.parent_id != parent.pk
        and institution.pk not in {a.pk for a in parent.ancestors()}
    ):
        institution.parent = parent
        changed.add("parent")
    if changed:
        try:
            institution.full_clean()
        except ValidationError as error:
            raise RorLinkError(
                _("The ROR record of %(institution)s cannot be applied: %(error)s")
                % {"institution": institution, "error": "; ".join(error.messages)}
            ) from error
        institution.save()
    return institution


# Reviewing proposals --------------------------------------------------------------------------


@transaction.atomic
def accept_match(*, match: RorMatch, user=None) -> RorMatch:
    """Link the institution to the proposed ROR id; the other proposals for it are rejected."""
    link_to_ror(institution=match.institution, ror_id=match.ror_id)
    now = timezone.now()
    match.status, match.reviewed_by, match.reviewed_at = RorMatch.Status.ACCEPTED, user, now
    match.full_clean()
    match.save()
    for other in RorMatch.objects.filter(
        institution=match.institution, status=RorMatch.Status.PROPOSED
    ).exclude(pk=match.pk):
        reject_match(match=other, user=user)
    return match


@transaction.atomic
def reject_match(*, match: RorMatch, user=None) -> RorMatch:
    match.status, match.reviewed_by, match.reviewed_at = (
        RorMatch.Status.REJECTED,
        user,
        timezone.now(),
    )
    match.full_clean()
    match.save()
    return match


@dataclass
class MatchRunReport:
    applied: int = 0
    proposed: int = 0
    unmatched: int = 0
    failed: list[str] | None = None

    def __str__(self) -> str:
        return (
            f"ROR matching: {self.applied} institutions linked, {self.proposed} proposals to "
            f"review, {self.unmatched} institutions without a candidate."
        )


@transaction.atomic
def record_matches(*, results: list, apply: bool) -> MatchRunReport:
    """Apply unique high-confidence matches (with `apply`); store the others for review.

    Proposals already reviewed keep their decision: a rejected one is not proposed again.
    """
    report = MatchRunReport(failed=[])
    for result in results:
        if not result.proposals:
            report.unmatched += 1
            continue
        if apply and result.unique_high_confidence:
            best = result.best
            try:
                with transaction.atomic():
                    link_to_ror(institution=result.institution, ror_id=best.ror_id)
            except RorLinkError as error:
                report.failed.append(str(error))
            else:
                _store_proposal(best, status=RorMatch.Status.ACCEPTED)
                report.applied += 1
                continue
        for proposal in result.proposals:
            if _store_proposal(proposal, status=RorMatch.Status.PROPOSED):
                report.proposed += 1
    return report


def _store_proposal(proposal, *, status: str) -> bool:
    match = RorMatch.objects.filter(
        institution=proposal.institution, ror_id=proposal.ror_id
    ).first()
    if match is not None and match.status != RorMatch.Status.PROPOSED:
        return False
    match = match or RorMatch(institution=proposal.institution, ror_id=proposal.ror_id)
    candidate = proposal.candidate
    match.ror_name = candidate.name[:255]
    match.ror_country = candidate.country
    match.ror_city = candidate.city_name[:120]
    match.confidence = Decimal(str(proposal.confidence))
    match.reasons = proposal.reasons[:255]
    match.status = status
    match.full_clean()
    match.save()
    return status == RorMatch.Status.PROPOSED


__all__ = [
    "RorDumpError",
    "RorImportReport",
    "RorLinkError",
    "accept_match",
    "import_ror",
    "link_to_ror",
    "refresh_from_ror",
    "reject_match",
]
