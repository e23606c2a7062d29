import json

import pytest
from django.contrib.admin.models import LogEntry

from institutions.models import Team
from mobility.models import MobilityExchange
from partnerships.models import AgreementParty
from people.models import Person
from people.services import erase_person, export_person_data
from tests.factories import (
    AgreementPartyFactory,
    MobilityExchangeFactory,
    PartnershipFactory,
    PersonFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    person = PersonFactory(
        first_name="Zoé", last_name="Martin", email="zoe@example.org", orcid="0000-0002-1825-0097"
    )
    person.email = "zoe.martin@example.org"
    person.save()  # a second history record
    MobilityExchangeFactory(person=person)
    AgreementPartyFactory(signatory=person)
    TeamFactory(leader=person)
    PartnershipFactory().coordinators.add(person)
    return person


def test_export_holds_everything(person, admin_user):
    data = export_person_data(person=person, user=admin_user)
    assert data["person"]["email"] == "zoe.martin@example.org"
    assert data["person"]["orcid"] == "0000-0002-1825-0097"
    assert len(data["mobilities"]) == 1
    assert len(data["signatures"]) == 1
    assert len(data["teams_led"]) == 1
    assert len(data["coordinated_partnerships"]) == 1
    assert [h["email"] for h in data["history"]] == ["zoe@example.org", "zoe.martin@example.org"]
    json.dumps(data)  # serialisable as the download


def test_erase_removes_person_history_and_links_but_keeps_figures(person):
    pk = person.pk
    erase_person(person=person)
    assert not Person.objects.filter(pk=pk).exists()
    assert not Person.history.filter(id=pk).exists()
    assert MobilityExchange.objects.count() == 1
    assert MobilityExchange.objects.get().person is None
    assert not MobilityExchange.history.filter(person_id=pk).exists()
    assert not AgreementParty.history.filter(signatory_id=pk).exists()
    assert not Team.history.filter(leader_id=pk).exists()
    assert AgreementParty.objects.get().signatory is None


def test_admin_actions(staff_client, person, django_user_model):
    from django.contrib.admin.models import CHANGE
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        user=django_user_model.objects.get(username="staff"),
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
    )
    export = staff_client.post(
        "/admin/people/person/", {"action": "export_personal_data", "_selected_action": [person.pk]}
    )
    assert export["Content-Type"] == "application/json"
    assert "zoe.martin@example.org" in export.content.decode()

    confirm = staff_client.post(
        "/admin/people/person/", {"action": "erase_personal_data", "_selected_action": [person.pk]}
    )
    assert confirm.status_code == 200
    assert Person.objects.filter(pk=person.pk).exists()  # asked first
    staff_client.post(
        "/admin/people/person/",
        {"action": "erase_personal_data", "_selected_action": [person.pk], "confirmed": "yes"},
    )
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Person.history.filter(id=person.pk).exists()
    assert not LogEntry.objects.filter(object_repr__contains="Martin").exists()


def test_erasure_leaves_no_name_in_any_language_of_the_admin_log(django_user_model):
    from django.contrib.admin.models import CHANGE
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation

    from events.models import EventParticipant
    from tests.factories import EventFactory

    person = PersonFactory(title="Pr", first_name="Zoé", last_name="Martin")
    participant = EventParticipant.objects.create(event=EventFactory(), person=person)
    mobility = MobilityExchangeFactory(person=person)
    user = django_user_model.objects.create_user("clerk")
    for language, record in [("fr", participant), ("en", mobility), ("fr", mobility)]:
        with translation.override(language):  # as written by a French and an English session
            LogEntry.objects.create(
                user=user,
                content_type=ContentType.objects.get_for_model(record),
                object_id=str(record.pk),
                object_repr=str(record),
                action_flag=CHANGE,
            )
    with translation.override("en"):
        erase_person(person=person)
    reprs = list(LogEntry.objects.values_list("object_repr", flat=True))
    assert len(reprs) == 3
    assert not [text for text in reprs if "Zoé" in text or "Martin" in text]


def test_erasure_unlinks_every_past_version_that_named_the_person():
    from django.apps import apps

    from events.models import EventParticipant
    from tests.factories import EventFactory

    person = PersonFactory(first_name="Zoé", last_name="Martin")
    pk = person.pk
    EventParticipant.objects.create(event=EventFactory(), person=person)
    MobilityExchangeFactory(person=person)
    erase_person(person=person)
    linked = []
    for model in apps.get_models():
        if not model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            points_at_person = field.is_relation and field.related_model is Person
            if points_at_person and model.objects.filter(**{field.attname: pk}).exists():
                linked.append(f"{model.__name__}.{field.name}")
    assert linked == []
