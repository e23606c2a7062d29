import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.models import Agreement
from partnerships.services import renew_agreement, transition_agreement
from tests.factories import (
    AgreementCommitmentFactory,
    AgreementFactory,
    AgreementPartyFactory,
    ResearchThemeFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_normal_path():
    agreement = AgreementFactory(status="draft", signed_on=None)
    agreement = transition_agreement(agreement=agreement, to_status="negotiation")
    agreement = transition_agreement(
        agreement=agreement, to_status="signed", signed_on=D(2018, 3, 8)
    )
    agreement = transition_agreement(agreement=agreement, to_status="in_force")
    agreement = transition_agreement(agreement=agreement, to_status="expired")
    assert Agreement.objects.get(pk=agreement.pk).status == "expired"


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("draft", "signed"),
        ("draft", "in_force"),
        ("expired", "in_force"),
        ("terminated", "draft"),
        ("in_force", "negotiation"),
    ],
)
def test_forbidden_transitions_change_nothing(start, target):
    signed = D(2018, 3, 8) if start in {"expired", "terminated", "in_force"} else None
    agreement = AgreementFactory(status=start, signed_on=signed)
    with pytest.raises(ValidationError) as error:
        transition_agreement(agreement=agreement, to_status=target, signed_on=D(2019, 1, 1))
    assert "cannot go from" in str(error.value)
    agreement.refresh_from_db()
    assert agreement.status == start


def test_signing_needs_a_date():
    agreement = AgreementFactory(status="negotiation", signed_on=None)
    with pytest.raises(ValidationError) as error:
        transition_agreement(agreement=agreement, to_status="signed")
    assert "needs its signing date" in str(error.value)
    assert Agreement.objects.get(pk=agreement.pk).status == "negotiation"


def test_renewal_creates_a_linked_successor_with_parties_and_themes():
    theme = ResearchThemeFactory()
    old = AgreementFactory(
        status="in_force", start_date=D(2018, 3, 8), end_date=D(2023, 3, 7), renewal_notice_days=90
    )
    old.themes.add(theme)
    for name in ("Région", "Weizmann", "CLARA"):
        AgreementPartyFactory(agreement=old, institution__name_fr=name)
    AgreementCommitmentFactory(agreement=old)
    new = renew_agreement(
        agreement=old,
        reference="WIS-2023",
        slug="wis-2023",
        start_date=D(2023, 3, 8),
        end_date=D(2028, 3, 7),
    )
    old.refresh_from_db()
    assert old.successor == new
    assert new.status == "draft"
    assert set(new.parties.values_list("institution__name_fr", flat=True)) == {
        "Région",
        "Weizmann",
        "CLARA",
    }
    assert list(new.themes.all()) == [theme]
    assert new.commitments.count() == 1
    assert new.renewal_notice_days == 90
    with pytest.raises(ValidationError):
        renew_agreement(
            agreement=old, reference="WIS-2024", slug="wis-2024", start_date=None, end_date=None
        )


def test_a_failed_renewal_writes_nothing():
    old = AgreementFactory(reference="OLD-1", status="in_force")
    AgreementFactory(reference="TAKEN")
    with pytest.raises(ValidationError):
        renew_agreement(
            agreement=old, reference="TAKEN", slug="taken-2", start_date=None, end_date=None
        )
    old.refresh_from_db()
    assert old.successor is None
    assert Agreement.objects.count() == 2


def test_admin_refuses_a_forbidden_status_change(staff_client):
    agreement = AgreementFactory(status="draft", signed_on=None)
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    form = staff_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "status": "in_force",
            "themes": [],
            "parties-TOTAL_FORMS": "0",
            "parties-INITIAL_FORMS": "0",
            "commitments-TOTAL_FORMS": "0",
            "commitments-INITIAL_FORMS": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        }
    )
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "cannot go from" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_renewal_copies_every_language_and_takes_new_titles():
    old = AgreementFactory(
        title_fr="Accord 2020", title_en="Agreement 2020", summary_fr="Résumé", summary_en="Summary"
    )
    AgreementCommitmentFactory(agreement=old, description_fr="Échanges", description_en="Exchanges")
    new = renew_agreement(
        agreement=old,
        reference="NEW-2",
        slug="new-2",
        start_date=None,
        end_date=None,
        titles={"en": "Agreement 2025"},
    )
    assert (new.title_fr, new.title_en) == ("Accord 2020", "Agreement 2025")
    assert (new.summary_fr, new.summary_en) == ("Résumé", "Summary")
    commitment = new.commitments.get()
    assert (commitment.description_fr, commitment.description_en) == ("Échanges", "Exchanges")
