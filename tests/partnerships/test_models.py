import datetime
from decimal import Decimal

import pytest
from django.db.models import ProtectedError
from django.utils import translation

from mobility.models import MobilityExchange
from partnerships.models import Agreement, Partnership
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    InstitutionFactory,
    KeyFigureFactory,
    PartnershipFactory,
    PartnershipMemberFactory,
)
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db
D = datetime.date


def test_partnership_end_not_before_start():
    with refused_by_database("partnership_end_after_start"):
        PartnershipFactory(start_date=D(2018, 3, 8), end_date=D(2018, 3, 7))


def test_partnership_slug_unique():
    PartnershipFactory(slug="shanghai")
    with refused_by_database("partnership_unique_slug", r"partnerships_partnership\.slug"):
        PartnershipFactory(slug="shanghai")


def test_featured_partnership_must_be_public():
    with refused_by_database("partnership_featured_is_public"):
        PartnershipFactory(is_public=False, is_featured=True)


def test_unknown_status_is_refused():
    with refused_by_database("partnership_status_valid"):
        PartnershipFactory(status="forgotten")


def test_an_institution_holds_each_role_once_per_partnership():
    member = PartnershipMemberFactory(role="partner")
    PartnershipMemberFactory(
        partnership=member.partnership, institution=member.institution, role="funder"
    )
    with refused_by_database("member_unique_role", r"partnershipmember\.partnership_id"):
        PartnershipMemberFactory(
            partnership=member.partnership, institution=member.institution, role="partner"
        )


def test_member_institution_is_protected():
    member = PartnershipMemberFactory()
    with pytest.raises(ProtectedError):
        member.institution.delete()


def test_country_filter_matches_whole_codes():
    china = PartnershipFactory(countries=["CN", "FR"])
    PartnershipFactory(countries=["CA"])
    assert list(Partnership.objects.with_country("CN")) == [china]
    assert list(Partnership.objects.with_country("N")) == []


def test_key_figure_period_and_value():
    with refused_by_database("keyfigure_period_ordered"):
        KeyFigureFactory(period_start=2018, period_end=2000)
    with refused_by_database("keyfigure_value_positive"):
        KeyFigureFactory(value=-1)
    figure = KeyFigureFactory(value=1300, is_minimum=True, period_start=2000, period_end=2018)
    with translation.override("fr"):
        assert figure.value_display == "> 1\u202f300"
    with translation.override("en"):
        assert figure.value_display == "> 1,300"
    assert figure.period_display == "2000–2018"


def test_dates_are_whole_sentences_in_each_language():
    partnership = PartnershipFactory(start_date=datetime.date(2018, 3, 8), start_precision="day")
    agreement = AgreementFactory(
        status="signed", signed_on=datetime.date(2013, 1, 1), signed_precision="year"
    )
    with translation.override("fr"):
        assert partnership.period_sentence == "Depuis le 8 mars 2018"
        assert agreement.signed_sentence == "Signé en 2013"
        assert Partnership.Status.COMPLETED.label == "Terminé"
        assert MobilityExchange.Status.COMPLETED.label == "Terminée"
        assert MobilityExchange.Status.PLANNED.label == "Prévue"
        assert Partnership.Status.PLANNED.label == "Prévu"
    with translation.override("en"):
        assert partnership.period_sentence == "Since 8 March 2018"
        assert agreement.signed_sentence == "Signed in 2013"
    partnership.start_precision = "year"
    with translation.override("fr"):
        assert partnership.period_sentence == "Depuis 2018"


def test_agreement_with_three_parties():
    agreement = AgreementFactory()
    for name in ("Région", "Weizmann", "CLARA"):
        AgreementPartyFactory(agreement=agreement, institution=InstitutionFactory(name_fr=name))
    assert agreement.parties.count() == 3


def test_an_institution_is_party_once():
    party = AgreementPartyFactory()
    with refused_by_database("party_unique_institution", r"agreementparty\.agreement_id"):
        AgreementPartyFactory(agreement=party.agreement, institution=party.institution)


def test_agreement_reference_unique():
    AgreementFactory(reference="CLARA-1")
    with refused_by_database("agreement_unique_reference", r"agreement\.reference"):
        AgreementFactory(reference="CLARA-1")


def test_agreement_end_not_before_start():
    with refused_by_database("agreement_end_after_start"):
        AgreementFactory(start_date=D(2020, 1, 1), end_date=D(2019, 12, 31))


def test_unsigned_agreement_cannot_carry_a_signing_date():
    with refused_by_database("agreement_unsigned_has_no_signing_date"):
        AgreementFactory(status=Agreement.Status.DRAFT, signed_on=D(2020, 1, 1))


def test_agreement_cannot_renew_itself():
    agreement = AgreementFactory()
    agreement.successor = agreement
    with refused_by_database("agreement_not_own_successor"):
        agreement.save()


def test_renewal_link_is_visible_from_both_sides():
    old = AgreementFactory(end_date=D(2020, 12, 31), start_date=D(2018, 1, 1))
    new = AgreementFactory(start_date=D(2021, 1, 1))
    old.successor = new
    old.save()
    assert new.predecessor == old


def test_party_institution_and_partnership_are_protected():
    party = AgreementPartyFactory()
    with pytest.raises(ProtectedError):
        party.institution.delete()
    with pytest.raises(ProtectedError):
        party.agreement.partnership.delete()


def test_in_force_public_and_expiring():
    today = D(2026, 11, 22)
    in_force = AgreementFactory(status="in_force", start_date=D(2025, 1, 1), end_date=D(2027, 1, 1))
    soon = AgreementFactory(status="signed", start_date=D(2025, 1, 1), end_date=D(2027, 1, 15))
    AgreementFactory(status="expired", start_date=D(2020, 1, 1), end_date=D(2021, 1, 1))
    AgreementFactory(status="draft", signed_on=None)
    secret = AgreementFactory(status="in_force", is_confidential=True)
    assert set(Agreement.objects.in_force(today)) == {in_force, soon, secret}
    assert set(Agreement.objects.in_force(today).public()) == {in_force, soon}
    assert set(Agreement.objects.expiring_within(60, today)) == {in_force, soon}
    assert set(Agreement.objects.expiring_within(45, today)) == {in_force}


def test_key_figures_group_digits_as_the_page_language_does(client):
    figure = KeyFigureFactory(partnership=None, value=Decimal("12500.5"), label_en="euros")
    with translation.override("en"):
        assert figure.value_display == "12,500.5"
    with translation.override("fr"):
        assert figure.value_display == "12\u202f500,5"
    assert "12,500.5" in client.get("/en/").content.decode()
    assert "12\u202f500,5" in client.get("/fr/").content.decode()
