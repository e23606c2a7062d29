"""One lifecycle on every write path: the import, the admin and the services refuse the same
moves (Agreement.clean() against the stored status); staff move and renew from the back-office."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import AGREEMENTS_MANAGER
from partnerships.models import Agreement
from partnerships.resources import AgreementResource
from tests.factories import AgreementFactory, AgreementPartyFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = Agreement.Status
D = datetime.date


def test_status_groups_and_moves_are_methods_of_the_enum():
    assert Status.signed() == [Status.SIGNED, Status.IN_FORCE, Status.EXPIRED, Status.TERMINATED]
    assert Status.binding() == [Status.SIGNED, Status.IN_FORCE]
    assert Status.DRAFT.next_statuses() == [Status.NEGOTIATION]
    assert Status.IN_FORCE.next_statuses() == [Status.EXPIRED, Status.TERMINATED]
    assert Status.EXPIRED.next_statuses() == []
    assert Status.NEGOTIATION.needs_signing_date_to_reach(Status.SIGNED)
    assert not Status.SIGNED.needs_signing_date_to_reach(Status.IN_FORCE)


def test_full_clean_checks_the_move_against_the_stored_status():
    agreement = AgreementFactory(status=Status.DRAFT, signed_on=None)
    agreement.status = Status.EXPIRED
    agreement.signed_on = D(2020, 1, 1)
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "cannot go from “Draft” to “Expired”" in str(error.value.message_dict["status"])

    new = AgreementFactory.build(status=Status.EXPIRED, signed_on=D(2020, 1, 1))
    new.full_clean(exclude=["partnership"])  # a new agreement may start where it is
    undated = AgreementFactory.build(status=Status.SIGNED, signed_on=None)
    undated.full_clean(exclude=["partnership"])  # a past agreement whose date is not known


def export_rows(agreements):
    user = UserFactory(is_superuser=True, is_staff=True)
    return AgreementResource(user=user).export(queryset=Agreement.objects.filter(pk__in=agreements))


def test_an_import_from_draft_to_expired_is_refused_with_a_row_error_and_writes_nothing(
    role_client,
):
    draft = AgreementFactory(reference="DRAFT-1", status=Status.DRAFT, signed_on=None)
    other = AgreementFactory(reference="OTHER-1", title_en="Before")
    AgreementPartyFactory(agreement=draft)
    dataset = export_rows([draft.pk, other.pk])
    rows = {row["reference"]: dict(row) for row in dataset.dict}
    rows["DRAFT-1"].update(status="expired", signed_on="2019-05-01")
    rows["OTHER-1"].update(title_en="After")
    dataset.dict = [rows["DRAFT-1"], rows["OTHER-1"]]

    client = role_client(AGREEMENTS_MANAGER)
    response = client.post(
        "/admin/partnerships/agreement/import/",
        {
            "import_file": SimpleUploadedFile("agreements.csv", dataset.csv.encode()),
            "format": "0",
            "resource": "0",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "An agreement cannot go from “Draft” to “Expired”" in page
    assert response.context.get("confirm_form") is None
    draft.refresh_from_db()
    other.refresh_from_db()
    assert (draft.status, draft.signed_on) == (Status.DRAFT, None)
    assert other.title_en == "Before"


def run_action(client, action: str, agreement, **data):
    return client.post(
        "/admin/partnerships/agreement/",
        {"action": action, "_selected_action": [agreement.pk], **data},
    )


def test_staff_move_an_agreement_to_its_next_status_with_its_signing_date(role_client):
    agreement = AgreementFactory(status=Status.NEGOTIATION, signed_on=None)
    client = role_client(AGREEMENTS_MANAGER)

    form = run_action(client, "move_to_next_status", agreement)
    assert form.status_code == 200
    assert [value for value, _label in form.context["form"].fields["to_status"].choices] == [
        "draft",
        "announced",
        "signed",
    ]

    refused = run_action(
        client, "move_to_next_status", agreement, confirmed="yes", to_status="signed"
    )
    assert "A signed agreement needs its signing date." in refused.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).status == Status.NEGOTIATION

    done = run_action(
        client,
        "move_to_next_status",
        agreement,
        confirmed="yes",
        to_status="signed",
        signed_on="2026-03-08",
    )
    assert done.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signed_on) == (Status.SIGNED, D(2026, 3, 8))
    last = agreement.history.order_by("-history_date", "-history_id").first()
    assert last.status == Status.SIGNED
    assert last.history_user.username == "staff-agreements-manager"
    assert last.history_change_reason == "Status changed from the back-office"


def test_the_move_form_offers_no_illegal_status(role_client):
    agreement = AgreementFactory(status=Status.DRAFT, signed_on=None)
    client = role_client(AGREEMENTS_MANAGER)
    response = run_action(
        client, "move_to_next_status", agreement, confirmed="yes", to_status="expired"
    )
    assert response.status_code == 200
    assert "expired is not one of the available choices" in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT


def test_staff_renew_an_agreement_from_the_back_office(role_client):
    agreement = AgreementFactory(reference="OLD-1", status=Status.IN_FORCE)
    AgreementPartyFactory(agreement=agreement)
    client = role_client(AGREEMENTS_MANAGER)

    page = run_action(client, "renew", agreement)
    assert page.url == f"/admin/partnerships/agreement/{agreement.pk}/renew/"
    done = client.post(
        page.url,
        {
            "reference": "NEW-1",
            "slug": "new-1",
            "start_date": "2027-01-01",
            "end_date": "2031-12-31",
            "parties": [agreement.parties.get().institution_id],
        },
    )

    assert done.status_code == 302
    agreement.refresh_from_db()
    successor = agreement.successor
    assert (successor.reference, successor.status) == ("NEW-1", Status.DRAFT)
    assert successor.parties.count() == 1
    assert successor.history.get().history_user.username == "staff-agreements-manager"
    assert agreement.history.order_by("-history_date").first().successor_id == successor.pk
