"""Load the CLARA dataset without undoing the staff's edits.

By default what is missing is created, and a record that differs from the dataset is reported
(field by field) but kept as it is: it may have been corrected in the back-office. With
`update=True` the dataset's values are written over those fields, each one listed.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from events.models import Event, EventParticipant
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships.models import (
    Agreement,
    AgreementCommitment,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
)
from people.models import Person
from sources.models import Source, SourceLink
from sources.services import cite
from themes.models import ResearchTheme
from thesaurus.models import Concept, Term, normalize

from . import clara, thesaurus


@dataclass
class FieldDifference:
    kind: str
    record: str
    field: str
    current: Any
    dataset: Any

    def __str__(self) -> str:
        return f"{self.kind} “{self.record}”, {self.field}: {self.current!r} → {self.dataset!r}"


@dataclass
class LoadReport:
    update: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    new_objects: set = field(default_factory=set)
    differences: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        lines = []
        if not self.changed:
            lines.append("The CLARA dataset is up to date: nothing changed.")
        else:
            parts = [f"{n} {name} created" for name, n in sorted(self.created.items())]
            parts += [f"{n} {name} updated" for name, n in sorted(self.updated.items())]
            lines.append("CLARA dataset loaded: " + ", ".join(parts) + ".")
        count = len(self.differences)
        fields = f"{count} field{'' if count == 1 else 's'}"
        if self.differences and self.update:
            lines.append(f"{fields} overwritten with the dataset's values:")
        elif self.differences:
            lines.append(
                f"{fields} differ{'s' if count == 1 else ''} from the dataset, kept as they are "
                "(edited in the back-office?); `load_clara_dataset --update` would write:"
            )
        lines += [f"  {difference}" for difference in self.differences]
        return "\n".join(lines)


def _same(current: Any, wanted: Any) -> bool:
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        return current is not None and wanted is not None and Decimal(current) == Decimal(wanted)
    return current == wanted


def _upsert(report: LoadReport, model: type[models.Model], lookup: dict, values: dict):
    instance = model._default_manager.filter(**lookup).first()
    label = model._meta.verbose_name_plural
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        report.created[str(label)] += 1
        report.new_objects.add((model, instance.pk))
        return instance
    # A field the dataset leaves empty but ROR filled (import_ror, match_ror) keeps ROR's value.
    from_ror = set(getattr(instance, "ror_fields", None) or [])
    changed = [
        name
        for name, value in values.items()
        if not _same(getattr(instance, name), value)
        and not (value in ("", None) and name in from_ror)
    ]
    for name in changed:
        report.differences.append(
            FieldDifference(
                str(model._meta.verbose_name),
                str(instance),
                name,
                _plain(getattr(instance, name)),
                _plain(values[name]),
            )
        )
    if changed and report.update:
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save()
        report.updated[str(label)] += 1
    return instance


def _plain(value: Any) -> Any:
    """A value as the report shows it: a related record by its name."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def _set_m2m(report: LoadReport, instance, name: str, related: list) -> None:
    manager = getattr(instance, name)
    current = list(manager.all())
    if {obj.pk for obj in current} != {obj.pk for obj in related}:
        new = (type(instance), instance.pk) in report.new_objects
        if not new:
            report.differences.append(
                FieldDifference(
                    str(instance._meta.verbose_name),
                    str(instance),
                    name,
                    sorted(str(obj) for obj in current),
                    sorted(str(obj) for obj in related),
                )
            )
            if not report.update:
                return
        manager.set(related)
        if (type(instance), instance.pk) not in report.new_objects:
            report.updated[str(instance._meta.verbose_name_plural)] += 1


def _text(data: dict, *names: str) -> dict:
    """The translated fields of a record, both languages, empty where absent."""
    return {
        f"{name}_{lang}": data.get(f"{name}_{lang}", "") for name in names for lang in ("fr", "en")
    }


@transaction.atomic
def load_clara_dataset(update: bool = False) -> LoadReport:
    report = LoadReport(update=update)

    sources: dict[str, Source] = {}
    for data in clara.SOURCES:
        sources[data["key"]] = _upsert(
            report,
            Source,
            {"key": data["key"]},
            {
                "title": data["title"],
                "publisher": data.get("publisher", ""),
                "date": data.get("date"),
                "date_precision": data.get("date_precision", "day"),
                "url": data.get("url", ""),
                "language": data["language"],
                "seed_file": data.get("seed_file", ""),
            },
        )

    def cite_all(obj, data: dict) -> None:
        for position, (key, locator) in enumerate(data.get("sources", [])):
            _cite(report, obj, sources[key], locator, position)

    themes: dict[str, ResearchTheme] = {}
    for data in clara.THEMES:
        themes[data["slug"]] = _upsert(
            report,
            ResearchTheme,
            {"slug": data["slug"]},
            {**_text(data, "name", "description"), "parent": themes.get(data.get("parent"))},
        )
        cite_all(themes[data["slug"]], data)

    institutions: dict[str, Institution] = {}
    for data in clara.INSTITUTIONS:
        latitude, longitude = data.get("coords", (None, None))
        institutions[data["slug"]] = _upsert(
            report,
            Institution,
            {"slug": data["slug"]},
            {
                **_text(data, "name", "description", "city"),
                "acronym": data.get("acronym", ""),
                "kind": data["kind"],
                "network_role": data["network_role"],
                "parent": institutions.get(data.get("parent")),
                "country": data["country"],
                "latitude": None if latitude is None else Decimal(str(latitude)),
                "longitude": None if longitude is None else Decimal(str(longitude)),
                "website": data.get("website", ""),
                "founded_year": data.get("founded_year"),
            },
        )
        cite_all(institutions[data["slug"]], data)

    people: dict[str, Person] = {}
    for data in clara.PEOPLE:
        people[data["slug"]] = person = _upsert(
            report,
            Person,
            {"slug": data["slug"]},
            {
                **_text(data, "role"),
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "title": data.get("title", ""),
                "affiliation": institutions.get(data.get("affiliation")),
                "email": data.get("email", ""),
                "is_public": data["is_public"],
            },
        )
        cite_all(person, data)

    teams: dict[str, Team] = {}
    for data in clara.TEAMS:
        team = _upsert(
            report,
            Team,
            {"slug": data["slug"]},
            {
                **_text(data, "name", "description"),
                "institution": institutions[data["institution"]],
                "leader": people.get(data.get("leader")),
            },
        )
        _set_m2m(report, team, "themes", [themes[slug] for slug in data.get("themes", [])])
        cite_all(team, data)
        teams[data["slug"]] = team

    partnerships: dict[str, Partnership] = {}
    for data in clara.PARTNERSHIPS:
        partnership = _upsert(
            report,
            Partnership,
            {"slug": data["slug"]},
            {
                **_text(data, "name", "summary", "description"),
                "acronym": data.get("acronym", ""),
                "kind": data["kind"],
                "status": data["status"],
                "start_date": data.get("start_date"),
                "start_precision": data.get("start_precision", "day"),
                "end_date": data.get("end_date"),
                "end_precision": data.get("end_precision", "day"),
                "countries": data.get("countries", []),
                "is_public": True,
                "is_featured": data.get("is_featured", False),
            },
        )
        _set_m2m(report, partnership, "themes", [themes[s] for s in data.get("themes", [])])
        _set_m2m(
            report, partnership, "coordinators", [people[s] for s in data.get("coordinators", [])]
        )
        for slug, role in data.get("members", []):
            _upsert(
                report,
                PartnershipMember,
                {"partnership": partnership, "institution": institutions[slug], "role": role},
                {},
            )
        for position, figure in enumerate(data.get("figures", [])):
            cite_all(_load_figure(report, partnership, position, figure), figure)
        cite_all(partnership, data)
        partnerships[data["slug"]] = partnership

    for position, figure in enumerate(clara.CLARA_FIGURES):
        cite_all(_load_figure(report, None, position, figure), figure)

    agreements: dict[str, Agreement] = {}
    for data in clara.AGREEMENTS:
        if report.update:
            _correct_status(report, data)
        agreement = _upsert(
            report,
            Agreement,
            {"slug": data["slug"]},
            {
                **_text(data, "title", "summary"),
                "reference": data["reference"],
                "kind": data["kind"],
                "status": data["status"],
                "partnership": partnerships.get(data.get("partnership")),
                "signed_on": data.get("signed_on"),
                "signed_precision": data.get("signed_precision", "day"),
                "signed_place": data.get("signed_place", ""),
                "start_date": data.get("start_date"),
                "start_precision": data.get("start_precision", "day"),
                "end_date": data.get("end_date"),
                "end_precision": data.get("end_precision", "day"),
                "is_confidential": False,
                "is_public": True,
            },
        )
        _set_m2m(report, agreement, "themes", [themes[s] for s in data.get("themes", [])])
        for position, party in enumerate(data["parties"]):
            _upsert(
                report,
                AgreementParty,
                {"agreement": agreement, "institution": institutions[party["institution"]]},
                {
                    "signatory": people.get(party.get("signatory")),
                    "signed_on": party.get("signed_on"),
                    "position": position,
                },
            )
        for position, (kind, text_fr, text_en) in enumerate(data.get("commitments", [])):
            _upsert(
                report,
                AgreementCommitment,
                {"agreement": agreement, "position": position},
                {"kind": kind, "description_fr": text_fr, "description_en": text_en},
            )
        cite_all(agreement, data)
        agreements[data["slug"]] = agreement

    for data in clara.MOBILITIES:
        key = data["key"]
        mobility = _upsert(
            report,
            MobilityExchange,
            {
                "partnership": partnerships[key["partnership"]],
                "planned_start": key["planned_start"],
            },
            {
                **_text(data, "description"),
                "category": data["category"],
                "direction": data["direction"],
                "host_institution": institutions[data["host_institution"]],
                "host_team": teams.get(data.get("host_team")),
                "planned_end": data.get("planned_end"),
                "status": data["status"],
            },
        )
        cite_all(mobility, data)

    for data in clara.EVENTS:
        event = _upsert(
            report,
            Event,
            {"slug": data["slug"]},
            {
                **_text(data, "title", "venue", "city", "description"),
                "kind": data["kind"],
                "start_date": data.get("start_date"),
                "end_date": data.get("end_date"),
                "date_precision": data.get("date_precision", "day"),
                "country": data.get("country", ""),
                "partnership": partnerships.get(data.get("partnership")),
                "is_public": True,
            },
        )
        _set_m2m(report, event, "organisers", [institutions[s] for s in data.get("organisers", [])])
        for position, (person, role_fr, role_en) in enumerate(data.get("participants", [])):
            participant = _upsert(
                report,
                EventParticipant,
                {"event": event, "person": people[person]},
                {"role_fr": role_fr, "role_en": role_en, "position": position},
            )
            cite_all(participant, data)
        cite_all(event, data)

    _load_thesaurus(report, themes)
    return report


def _load_thesaurus(report: LoadReport, themes: dict[str, ResearchTheme]) -> None:
    """The staff-curated thesaurus (dataset/thesaurus.py): concepts by slug, their terms by
    normalized form (the preferred terms in both languages among them)."""
    concepts: dict[str, Concept] = {}
    for data in thesaurus.CONCEPTS:
        concept = concepts[data["slug"]] = _upsert(
            report,
            Concept,
            {"slug": data["slug"]},
            {**_text(data, "name", "scope_note"), "source": thesaurus.SOURCE},
        )
        _set_m2m(report, concept, "broader", [concepts[s] for s in data.get("broader", [])])
        _set_m2m(report, concept, "themes", [themes[s] for s in data.get("themes", [])])
        preferred = [
            (data["name_fr"], thesaurus.FR, Term.Kind.PREFERRED),
            (data["name_en"], thesaurus.EN, Term.Kind.PREFERRED),
        ]
        terms: dict[str, tuple] = {}
        for text, language, kind in [*preferred, *data.get("terms", [])]:
            key = normalize(text)
            if key in terms:  # the same word in both languages: one term, of any language
                terms[key] = (terms[key][0], thesaurus.ANY, terms[key][2])
            else:
                terms[key] = (text, language, kind)
        for key, (text, language, kind) in terms.items():
            _upsert(
                report,
                Term,
                {"concept": concept, "normalized": key},
                {"text": text, "language": language, "kind": kind},
            )


def _correct_status(report: LoadReport, data: dict) -> None:
    """Write a status the dataset corrects although no lifecycle move leads there (the record
    was wrong: "signed" for an agreement only announced), with its signing fields and a history
    entry; the database's constraints still apply. A normal move is left to `_upsert`."""
    agreement = Agreement.objects.filter(slug=data["slug"]).first()
    if agreement is None or agreement.status == data["status"]:
        return
    if Agreement.Status(data["status"]) in Agreement.Status(agreement.status).next_statuses():
        return
    wanted = {
        "status": data["status"],
        "signed_on": data.get("signed_on"),
        "signed_place": data.get("signed_place", ""),
    }
    for name, value in wanted.items():
        if getattr(agreement, name) != value:
            report.differences.append(
                FieldDifference(
                    str(Agreement._meta.verbose_name),
                    str(agreement),
                    name,
                    _plain(getattr(agreement, name)),
                    _plain(value),
                )
            )
            setattr(agreement, name, value)
    agreement.save()
    report.updated[str(Agreement._meta.verbose_name_plural)] += 1


def _cite(report: LoadReport, obj, source: Source, locator: str, position: int) -> None:
    content_type = ContentType.objects.get_for_model(type(obj))
    link = SourceLink.objects.filter(
        source=source, content_type=content_type, object_id=obj.pk
    ).first()
    if link is None:
        cite(obj, source, locator, position)
        report.created[str(SourceLink._meta.verbose_name_plural)] += 1


def _load_figure(report: LoadReport, partnership, position: int, data: dict):
    return _upsert(
        report,
        KeyFigure,
        {"partnership": partnership, "position": position},
        {
            **_text(data, "label", "unit", "source"),
            "value": Decimal(data["value"]),
            "is_minimum": data.get("is_minimum", False),
            "period_start": data.get("period_start"),
            "period_end": data.get("period_end"),
            "period_is_approximate": data.get("period_is_approximate", False),
        },
    )
