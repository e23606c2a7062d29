"""Writes of EU projects: the CORDIS import, matching participants, reviewing the matches."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from institutions.resolver import resolve_affiliation
from pagecache.versions import bump_content_version

from .cordis import CordisError, CordisFiles, ParticipationRow, ProjectRow
from .models import OrganisationMatch, Participation, Project, iso_country

BATCH_SIZE = 2000
PROPOSALS = 3  # candidates kept for review per organisation
PROPOSAL_SCORE = 0.5  # a weaker candidate is not worth a reviewer's time


@dataclass
class CordisImportReport:
    projects_created: int = 0
    projects_updated: int = 0
    projects_unchanged: int = 0
    participations_created: int = 0
    participations_updated: int = 0
    participations_unchanged: int = 0
    duplicates: int = 0
    participations_unmatched: int = 0  # of those created: no institution yet
    organisations_matched: int = 0
    organisations_to_review: int = 0
    organisations_unmatched: int = 0
    messages: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        written = (
            self.projects_created,
            self.projects_updated,
            self.participations_created,
            self.participations_updated,
        )
        return any(written)

    def __str__(self) -> str:
        return (
            f"CORDIS import: projects {self.projects_created} created, "
            f"{self.projects_updated} updated, {self.projects_unchanged} unchanged; "
            f"participations {self.participations_created} created, "
            f"{self.participations_updated} updated, {self.participations_unchanged} unchanged "
            f"({self.duplicates} repeated rows skipped), {self.participations_unmatched} of the "
            f"new ones unmatched; new organisations "
            f"{self.organisations_matched} matched, {self.organisations_to_review} to review, "
            f"{self.organisations_unmatched} without a candidate."
        )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def import_cordis(*paths, batch_size: int = BATCH_SIZE, match: bool = True) -> CordisImportReport:
    """Upsert projects and participations from a CORDIS export, keyed by CORDIS ids; a row is
    written only when what CLARA keeps of it changed (its hash). One transaction: a bad row
    (CordisError, naming it) leaves the database as it was. New organisations are matched to
    the directory (`match`); those not matched with certainty wait in the review list."""
    files = CordisFiles(*paths)
    report = CordisImportReport()
    with transaction.atomic():
        for batch in _batches(files.projects(), batch_size):
            _write_projects(batch, report)
            reset_queries()
        seen: set = set()
        for batch in _batches(files.participations(), batch_size):
            _write_participations(batch, seen, report, match=match)
            reset_queries()
    if report.changed:
        bump_content_version()  # bulk writes send no signal: cached pages are now stale
    return report


def _changed_fields(record, values: dict) -> list[str]:
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, values[name])
    return changed


def _newest(batch: list[ProjectRow], report: CordisImportReport) -> dict[str, ProjectRow]:
    """One row per project: CORDIS may list a project twice (an older record, a lower `rcn`)."""
    rows: dict[str, ProjectRow] = {}
    for item in batch:
        other = rows.get(item.values["cordis_id"])
        if other is not None:
            report.duplicates += 1
            if (other.values["rcn"] or 0) > (item.values["rcn"] or 0):
                continue
        rows[item.values["cordis_id"]] = item
    return rows


def _write_projects(batch: list[ProjectRow], report: CordisImportReport) -> None:
    rows = _newest(batch, report)
    existing = Project.objects.in_bulk(list(rows), field_name="cordis_id")
    new, updated, fields = [], [], {"source_hash", "updated_at"}
    now = timezone.now()
    for cordis_id, item in rows.items():
        project = existing.get(cordis_id)
        if project is None:
            new.append(Project(**item.values, source_hash=item.hash))
        elif (project.rcn or 0) > (item.values["rcn"] or 0):
            report.duplicates += 1  # an older record of a project already read
        elif project.source_hash != item.hash:
            fields.update(_changed_fields(project, item.values))
            project.source_hash, project.updated_at = item.hash, now
            updated.append(project)
        else:
            report.projects_unchanged += 1
    Project.objects.bulk_create(new)
    if updated:
        Project.objects.bulk_update(updated, sorted(fields))
    report.projects_created += len(new)
    report.projects_updated += len(updated)


def _project_pks(batch: list[ParticipationRow]) -> dict[str, tuple[int, int | None]]:
    ids = {item.project_id for item in batch}
    found = Project.objects.filter(cordis_id__in=ids).values_list("cordis_id", "pk", "rcn")
    pks = {cordis_id: (pk, rcn) for cordis_id, pk, rcn in found}
    for item in batch:
        if item.project_id not in pks:
            raise CordisError(
                _(
                    "organization.csv, row %(row)s, column “projectID”: project %(project)s is "
                    "not in the project file."
                )
                % {"row": item.row, "project": item.project_id}
            )
    return pks


def _write_participations(
    batch: list[ParticipationRow], seen: set, report: CordisImportReport, *, match: bool
) -> None:
    projects = _project_pks(batch)
    pks = {cordis_id: pk for cordis_id, (pk, _rcn) in projects.items()}
    rows = []
    for item in batch:
        key = (pks[item.project_id], item.values["organisation_id"], item.values["role"])
        rcn = projects[item.project_id][1]
        if key in seen or (item.rcn and rcn and item.rcn != rcn):
            report.duplicates += 1
            continue
        seen.add(key)
        rows.append((key, item))
    existing = {
        (p.project_id, p.organisation_id, p.role): p
        for p in Participation.objects.filter(project_id__in=set(pks.values()))
    }
    new = [(key, item) for key, item in rows if key not in existing]
    institutions = _institutions_of(
        {item.values["organisation_id"]: item.values for _key, item in new}, report, match=match
    )
    Participation.objects.bulk_create(
        Participation(
            project_id=key[0],
            **item.values,
            source_hash=item.hash,
            institution_id=institutions.get(item.values["organisation_id"]),
        )
        for key, item in new
    )
    updated, fields = [], {"source_hash"}
    for key, item in rows:
        participation = existing.get(key)
        if participation is not None and participation.source_hash != item.hash:
            fields.update(_changed_fields(participation, item.values))
            participation.source_hash = item.hash
            updated.append(participation)
    if updated:
        Participation.objects.bulk_update(updated, sorted(fields))
    report.participations_created += len(new)
    report.participations_unmatched += sum(
        1 for _key, item in new if item.values["organisation_id"] not in institutions
    )
    report.participations_updated += len(updated)
    report.participations_unchanged += len(rows) - len(new) - len(updated)


# Matching -----------------------------------------------------------------------------------


def _institutions_of(organisations: dict[str, dict], report, *, match: bool) -> dict[str, int]:
    """The institution of each organisation (PIC): an accepted match, else matched now when
    the organisation was never matched (and `match`)."""
    if not organisations:
        return {}
    decided = dict(
        OrganisationMatch.objects.filter(
            organisation_id__in=organisations, status=OrganisationMatch.Status.ACCEPTED
        ).values_list("organisation_id", "institution_id")
    )
    if match:
        known = set(
            OrganisationMatch.objects.filter(organisation_id__in=organisations).values_list(
                "organisation_id", flat=True
            )
        )
        fresh = {pic: values for pic, values in organisations.items() if pic not in known}
        decided.update(match_organisations(fresh, report))
    return decided


def match_organisations(
    organisations: dict[str, dict], report=None, *, rejected: frozenset = frozenset()
) -> dict[str, int]:
    """Match organisations (PIC -> name and country as published) to the directory with the
    affiliation resolver; store the decision or the proposals (never a pair in `rejected`).
    Returns the matched ones."""
    matched, records = {}, []
    for pic, values in organisations.items():
        country = iso_country(values["country"])
        candidates = [
            c
            for c in resolve_affiliation(values["name"], country=country or None)
            if (pic, c.institution_id) not in rejected
        ]
        chosen = next((c for c in candidates if c.chosen), None)
        if chosen is not None and (not country or chosen.country == country):
            matched[pic] = chosen.institution_id
            records.append(_match(pic, values, chosen, OrganisationMatch.Status.ACCEPTED))
            _count(report, "organisations_matched")
            continue
        proposals = [c for c in candidates if c.score >= PROPOSAL_SCORE][:PROPOSALS]
        records += [_match(pic, values, c, OrganisationMatch.Status.PROPOSED) for c in proposals]
        if not proposals:
            records.append(_match(pic, values, None, OrganisationMatch.Status.PROPOSED))
        _count(report, "organisations_to_review" if proposals else "organisations_unmatched")
    OrganisationMatch.objects.bulk_create(records)
    return matched


def _count(report, name: str) -> None:
    if report is not None:
        setattr(report, name, getattr(report, name) + 1)


def _match(pic: str, values: dict, candidate, status: str) -> OrganisationMatch:
    return OrganisationMatch(
        organisation_id=pic,
        name=values["name"][:500],
        country=values["country"],
        institution_id=candidate.institution_id if candidate else None,
        confidence=Decimal(str(round(min(candidate.score, 1), 3))) if candidate else Decimal(0),
        reasons=candidate.reason[:255] if candidate else "",
        status=status,
    )


@transaction.atomic
def rematch() -> CordisImportReport:
    """Match again the organisations waiting for review (after the directory grew): their
    proposals are replaced; a rejected pair is not proposed again."""
    report = CordisImportReport()
    accepted = OrganisationMatch.objects.filter(status=OrganisationMatch.Status.ACCEPTED)
    waiting = OrganisationMatch.objects.to_review().exclude(
        organisation_id__in=accepted.values("organisation_id")
    )
    organisations = {
        pic: {"name": name, "country": country}
        for pic, name, country in waiting.values_list("organisation_id", "name", "country")
    }
    rejected = frozenset(
        OrganisationMatch.objects.filter(
            status=OrganisationMatch.Status.REJECTED, organisation_id__in=list(organisations)
        ).values_list("organisation_id", "institution_id")
    )
    waiting.delete()
    for pic, institution_id in match_organisations(
        organisations, report, rejected=rejected
    ).items():
        _link(pic, institution_id)
    if report.organisations_matched:
        bump_content_version()
    return report


def _link(organisation_id: str, institution_id: int | None) -> int:
    return Participation.objects.filter(organisation_id=organisation_id).update(
        institution_id=institution_id
    )


# Reviewing ----------------------------------------------------------------------------------


@transaction.atomic
def accept_match(*, match: OrganisationMatch, institution=None, user=None) -> OrganisationMatch:
    """Link every participation of the organisation to the institution (the proposed one, or
    `institution` chosen by the reviewer); the other proposals for it are rejected."""
    if institution is not None:
        match.institution = institution
    if match.institution_id is None:
        raise ValidationError({"institution": _("Choose the institution first.")})
    now = timezone.now()
    match.status, match.reviewed_by, match.reviewed_at = (
        OrganisationMatch.Status.ACCEPTED,
        user,
        now,
    )
    match.full_clean()
    match.save()
    OrganisationMatch.objects.filter(organisation_id=match.organisation_id).exclude(
        pk=match.pk
    ).filter(
        status__in=[OrganisationMatch.Status.PROPOSED, OrganisationMatch.Status.ACCEPTED]
    ).update(status=OrganisationMatch.Status.REJECTED, reviewed_by=user, reviewed_at=now)
    _link(match.organisation_id, match.institution_id)
    bump_content_version()
    return match


@transaction.atomic
def reject_match(*, match: OrganisationMatch, user=None) -> OrganisationMatch:
    """Refuse the proposal; an accepted one rejected unlinks the organisation's participations."""
    was_accepted = match.status == OrganisationMatch.Status.ACCEPTED
    match.status, match.reviewed_by, match.reviewed_at = (
        OrganisationMatch.Status.REJECTED,
        user,
        timezone.now(),
    )
    match.full_clean()
    match.save()
    if was_accepted:
        _link(match.organisation_id, None)
        bump_content_version()
    return match
