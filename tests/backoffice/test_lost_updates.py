"""Two staff members editing the same record: the second save does not wipe the first."""

import pytest
from django.test import Client

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR
from institutions.models import Institution
from partnerships.models import Agreement
from tests.factories import AgreementFactory, AgreementPartyFactory, InstitutionFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_edits_is_stopped(make_staff):
    agreement = AgreementFactory(title_en="Entente", title_fr="Entente")
    AgreementPartyFactory(agreement=agreement)
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    alice, bob = Client(), Client()
    alice.force_login(make_staff(AGREEMENTS_MANAGER, "alice"))
    bob.force_login(make_staff(AGREEMENTS_MANAGER, "bob"))
    alice_form = admin_form_data(alice.get(url))
    bob_form = admin_form_data(bob.get(url))
    assert alice_form["loaded_version"] == bob_form["loaded_version"] != ""

    alice_form.update(title_en="Agreement on exchanges", signed_on="2018-03-08")
    saved = alice.post(url, alice_form)
    assert saved.status_code == 302, saved.context["adminform"].form.errors

    bob_form.update(summary_en="Bob's summary", signed_on="2018-03-08")
    stale = bob.post(url, bob_form, HTTP_ACCEPT_LANGUAGE="en")
    assert stale.status_code == 200
    assert "This record was changed by alice" in stale.content.decode()
    agreement.refresh_from_db()
    assert agreement.title_en == "Agreement on exchanges"
    assert agreement.summary_en == ""
    assert Agreement.history.filter(id=agreement.pk).count() == 2

    fresh = admin_form_data(bob.get(url))
    fresh.update(summary_en="Bob's summary", signed_on="2018-03-08")
    assert bob.post(url, fresh).status_code == 302
    agreement.refresh_from_db()
    assert (agreement.title_en, agreement.summary_en) == ("Agreement on exchanges", "Bob's summary")


def test_a_single_editor_saves_twice_in_a_row(role_client):
    institution = InstitutionFactory(name_en="Fudan University")
    url = f"/admin/institutions/institution/{institution.pk}/change/"
    client = role_client(EDITOR)
    for name in ["Fudan University (Shanghai)", "Fudan University"]:
        data = admin_form_data(client.get(url))
        data["name_en"] = name
        assert client.post(url, data).status_code == 302
    assert Institution.objects.get(pk=institution.pk).name_en == "Fudan University"


def _document():
    from django.core.files.base import ContentFile

    from partnerships.models import AgreementDocument

    document = AgreementDocument(agreement=AgreementFactory(), title="Signed copy")
    document.file.save("signed.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def _source():
    from sources.models import Source

    return Source.objects.create(key="press", title="Press release")


def _participant():
    from events.models import EventParticipant
    from tests.factories import EventFactory, PersonFactory

    return EventParticipant.objects.create(event=EventFactory(), person=PersonFactory())


def _proposal():
    from institutions.models import RorMatch

    return RorMatch.objects.create(
        institution=InstitutionFactory(), ror_id="01cmnjq37", ror_name="CLB", confidence="0.9"
    )


def _member():
    from tests.factories import PartnershipMemberFactory

    return PartnershipMemberFactory()


LOCKED = {
    "sources/source": _source,
    "events/eventparticipant": _participant,
    "partnerships/partnershipmember": _member,
    "institutions/rormatch": _proposal,
    "partnerships/agreementparty": AgreementPartyFactory,
    "partnerships/agreementdocument": _document,
}


def _changed_meanwhile(record) -> None:
    """Someone else saves the record after the form was loaded."""
    if hasattr(type(record), "history"):
        record.save()
    else:
        type(record).objects.filter(pk=record.pk).update(title="Renamed meanwhile")


@pytest.mark.parametrize("path", LOCKED)
def test_every_record_page_stops_a_save_over_a_newer_version(staff_client, path):
    record = LOCKED[path]()
    url = f"/admin/{path}/{record.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    assert data["loaded_version"]
    assert staff_client.post(url, data).status_code == 302  # a save on the current version

    data = admin_form_data(staff_client.get(url))
    _changed_meanwhile(record)
    stale = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert stale.status_code == 200
    assert "This record was changed by" in stale.content.decode()


@pytest.mark.parametrize("path", [*LOCKED, "institutions/institution"])
def test_a_change_sent_without_its_version_is_refused(staff_client, path):
    record = LOCKED.get(path, InstitutionFactory)()
    url = f"/admin/{path}/{record.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    del data["loaded_version"]
    versions = record.history.count() if hasattr(record, "history") else None
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "sent without the version of the record" in response.content.decode()
    if versions is not None:
        assert record.history.count() == versions


def test_an_inline_row_changed_meanwhile_is_not_overwritten(make_staff):
    agreement = AgreementFactory(title_en="Entente", title_fr="Entente")
    party = AgreementPartyFactory(agreement=agreement, position=1)
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    client = Client()
    client.force_login(make_staff(AGREEMENTS_MANAGER, "bob"))
    data = admin_form_data(client.get(url))
    assert data["parties-0-loaded_version"]

    party.position = 2
    party.save()  # someone else, on the parties' own page
    # The row as it was loaded would put back position 1: refused, not silently reverted.
    untouched = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "This record was changed by" in untouched.content.decode()
    party.refresh_from_db()
    assert party.position == 2

    data = admin_form_data(client.get(url))
    party.position = 3
    party.save()
    data["parties-0-position"] = 7
    stale = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert stale.status_code == 200
    assert "This record was changed by" in stale.content.decode()
    party.refresh_from_db()
    assert party.position == 3

    data = admin_form_data(client.get(url))
    data["parties-0-position"] = 7
    del data["parties-0-loaded_version"]
    missing = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "sent without the version of the record" in missing.content.decode()
    party.refresh_from_db()
    assert party.position == 3
