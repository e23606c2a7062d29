"""Personal data: everything held about a person, and its erasure (GDPR articles 15 and 17)."""

import json
import re

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import translation
from django.utils.text import slugify
from simple_history.models import HistoricalChanges

from core.models import SpreadsheetJob
from institutions.models import Team
from pagecache.versions import bump_content_version

from .models import Person
from .signals import personal_data_erased, personal_data_exported

ERASED = "[erased]"


def _model(label: str):
    """A model of an app above `people` (partnerships, mobility), by name: no import cycle."""
    return apps.get_model(label)


def _plain(data: dict) -> dict:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder, default=str))


def export_person_data(*, person: Person, user) -> dict:
    """Everything held about `person`: record, links, and the history of the record.

    Signatures of agreements `user` may not see are counted but not named.
    """
    record = model_to_dict(person)
    record["affiliation"] = str(person.affiliation) if person.affiliation_id else None
    record["team"] = str(person.team) if person.team_id else None
    visible = _model("partnerships.Agreement").objects.visible_to(user)
    signatures = list(
        person.signatures.filter(agreement__in=visible).select_related("agreement", "institution")
    )
    return _plain(
        {
            "person": record,
            "teams_led": [str(team) for team in Team.objects.filter(leader=person)],
            "coordinated_partnerships": [str(p) for p in person.coordinated.all()],
            "signatures": [
                {
                    "agreement": str(party.agreement),
                    "institution": str(party.institution),
                    "signed_on": party.signed_on,
                }
                for party in signatures
            ],
            "signatures_withheld": person.signatures.count() - len(signatures),
            "mobilities": [
                {
                    "category": m.get_category_display(),
                    "direction": m.get_direction_display(),
                    "host": str(m.host_institution),
                    "start": m.start,
                    "end": m.end,
                    "status": m.get_status_display(),
                }
                for m in person.mobilities.select_related("host_institution")
            ],
            # What the person sent from their address: introduction requests, saved searches.
            **_requests_from(person),
            "history": [
                {
                    "date": h.history_date,
                    "type": h.get_history_type_display(),
                    "by": str(h.history_user or ""),
                    "first_name": h.first_name,
                    "last_name": h.last_name,
                    "email": h.email,
                    "orcid": h.orcid,
                    "is_public": h.is_public,
                }
                for h in person.history.select_related("history_user").order_by("history_date")
            ],
        }
    )


def _requests_from(person: Person) -> dict:
    if not person.email:
        return {}
    sections = {}
    emails = {person.email.lower()}
    for _receiver, found in personal_data_exported.send(sender=Person, emails=emails):
        sections.update(found)
    return sections


def _erase_requests_from(person: Person) -> None:
    if person.email:
        personal_data_erased.send(sender=Person, emails={person.email.lower()})


def _spellings(person: Person) -> set[str]:
    """The person's name as any session wrote it: with the title of each language, without."""
    names = {person.last_name, f"{person.first_name} {person.last_name}".strip()}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.add(person.full_name)
    return {name for name in names if len(name) > 2}


def _unlink_past_versions(pk: int) -> None:
    """Past versions of every record that pointed at the person no longer do."""
    for model in apps.get_models():
        if not issubclass(model, HistoricalChanges):
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is Person:
                model.objects.filter(**{field.attname: pk}).update(**{field.attname: None})


@transaction.atomic
def erase_person(*, person: Person) -> None:
    """Delete the person and every trace of them, keeping anonymous figures (mobility counts)."""
    pk = person.pk
    MobilityExchange = _model("mobility.MobilityExchange")
    AgreementParty = _model("partnerships.AgreementParty")
    MobilityExchange.objects.filter(person=person).update(person=None)
    AgreementParty.objects.filter(signatory=person).update(signatory=None)
    Team.objects.filter(leader=person).update(leader=None)
    bump_content_version()  # updates send no signal
    for partnership in person.coordinated.all():
        partnership.coordinators.remove(person)
    names = _spellings(person)
    _erase_requests_from(person)
    person.delete()  # and their event participations, whose deletion history records
    Person.history.filter(id=pk).delete()
    _unlink_past_versions(pk)
    # The admin's own log keeps the person's name in each entry: it goes too, and entries of
    # related records (a mobility is shown as "name → host") lose the name.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(pk)
    ).delete()
    # Any back-office export made so far may name the person: rows now, files once committed
    # (one still being written is left to its worker, and expires with EXPORT_KEEP_HOURS).
    SpreadsheetJob.objects.exports().finished().delete()
    for name in sorted(names, key=len, reverse=True):
        for entry in LogEntry.objects.filter(
            Q(object_repr__icontains=name) | Q(change_message__icontains=name)
        ):
            entry.object_repr = re.sub(re.escape(name), ERASED, entry.object_repr, flags=re.I)
            entry.change_message = re.sub(re.escape(name), ERASED, entry.change_message, flags=re.I)
            entry.save(update_fields=["object_repr", "change_message"])


def person_from_name(name: str) -> Person:
    """An unsaved person from a name as staff write it: "Jean-Yves Blay" or "Blay, Jean-Yves"."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
    else:
        *first_names, last = name.split()
        first = " ".join(first_names)
    return Person(first_name=first, last_name=last, slug=slugify(f"{first} {last}")[:100])


@transaction.atomic
def create_person(*, person: Person) -> Person:
    """Saves a person made by person_from_name, under a slug no one else has."""
    base = person.slug or "person"
    taken = set(Person.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    person.slug = next(
        slug
        for slug in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3)))
        if slug not in taken
    )
    person.full_clean()
    person.save()
    return person
