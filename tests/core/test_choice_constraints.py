"""Every choice field and slug is guarded by the database itself, not only by forms."""

import pytest

from tests import factories as f
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db

CHOICES = [
    (f.InstitutionFactory, {"network_role": "ally"}, "institution_network_role_valid"),
    (f.PartnershipFactory, {"kind": "secret_club"}, "partnership_kind_valid"),
    (f.PartnershipMemberFactory, {"role": "mascot"}, "member_role_valid"),
    (f.AgreementFactory, {"kind": "handshake"}, "agreement_kind_valid"),
    (f.AgreementFactory, {"status": "lost", "signed_on": None}, "agreement_status_valid"),
    (f.AgreementCommitmentFactory, {"kind": "promise"}, "commitment_kind_valid"),
    (f.MobilityExchangeFactory, {"status": "teleported"}, "mobility_status_valid"),
    (f.EventFactory, {"kind": "party"}, "event_kind_valid"),
]


@pytest.mark.parametrize(("factory", "values", "constraint"), CHOICES)
def test_unknown_choice_is_refused(factory, values, constraint):
    with refused_by_database(constraint):
        factory(**values)


@pytest.mark.parametrize(
    ("factory", "constraint", "column"),
    [
        (f.PersonFactory, "person_unique_slug", r"people_person\.slug"),
        (f.AgreementFactory, "agreement_unique_slug", r"partnerships_agreement\.slug"),
    ],
)
def test_slugs_are_unique(factory, constraint, column):
    factory(slug="same")
    with refused_by_database(constraint, column):
        factory(slug="same")


def test_document_kind_is_refused_by_the_database():
    from partnerships.models import AgreementDocument

    agreement = f.AgreementFactory()
    with refused_by_database("document_kind_valid"):
        AgreementDocument.objects.create(
            agreement=agreement, kind="poem", title="x", file="agreements/x.pdf"
        )
