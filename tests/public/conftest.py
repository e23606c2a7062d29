import datetime

import pytest

from tests import factories as f


@pytest.fixture
def secrets(db):
    """Private records planted next to public ones: none of them may reach a public page."""
    public = f.PartnershipFactory(
        slug="public-programme",
        name_fr="Programme public",
        name_en="Public programme",
        countries=["CN"],
    )
    hidden = f.PartnershipFactory(
        slug="hidden-programme",
        name_fr="Programme caché",
        name_en="Hidden programme",
        is_public=False,
    )
    institution = f.InstitutionFactory(slug="partner-institute", name_en="Partner Institute")
    f.PartnershipMemberFactory(partnership=public, institution=institution)
    f.PartnershipMemberFactory(partnership=hidden, institution=institution)
    secret_person = f.PersonFactory(
        first_name="Zoé",
        last_name="Secretperson",
        email="zoe.secret@example.org",
        is_public=False,
        affiliation=institution,
    )
    public.coordinators.add(secret_person)
    f.TeamFactory(slug="team-x", institution=institution, leader=secret_person)
    confidential = f.AgreementFactory(
        reference="CONF-001",
        slug="conf-001",
        title_fr="Accord confidentiel",
        title_en="Confidential agreement",
        is_confidential=True,
        partnership=public,
    )
    f.AgreementPartyFactory(
        agreement=confidential, institution=institution, signatory=secret_person
    )
    open_agreement = f.AgreementFactory(
        reference="OPEN-001",
        slug="open-001",
        title_en="Open agreement",
        partnership=public,
    )
    f.AgreementPartyFactory(
        agreement=open_agreement, institution=institution, signatory=secret_person
    )
    f.EventFactory(
        slug="private-event",
        title_en="Private meeting",
        title_fr="Réunion privée",
        is_public=False,
        partnership=public,
    )
    f.MobilityExchangeFactory(
        person=secret_person,
        partnership=public,
        host_institution=institution,
        planned_start=datetime.date(2024, 1, 1),
        planned_end=datetime.date(2024, 6, 1),
    )
    return {
        "strings": [
            "Confidential agreement",
            "Accord confidentiel",
            "CONF-001",
            "Hidden programme",
            "Programme caché",
            "Secretperson",
            "zoe.secret@example.org",
            "Private meeting",
            "Réunion privée",
            "@example.org",
        ],
        "confidential": confidential,
        "hidden": hidden,
    }
