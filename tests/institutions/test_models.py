from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from institutions.models import Institution
from tests.factories import InstitutionFactory, TeamFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db


def test_str_shows_the_acronym():
    assert str(InstitutionFactory(name_en="Research centre", acronym="CRCL")) == (
        "Research centre (CRCL)"
    )


def test_slug_is_unique():
    InstitutionFactory(slug="crcl")
    with refused_by_database("institution_unique_slug", r"institutions_institution\.slug"):
        InstitutionFactory(slug="crcl")


def test_ror_id_is_unique_but_many_may_have_none():
    InstitutionFactory(ror_id="03vek6s52")
    InstitutionFactory(ror_id="")
    InstitutionFactory(ror_id="")
    with refused_by_database("institution_unique_ror_id", r"institutions_institution\.ror_id"):
        InstitutionFactory(ror_id="03vek6s52")


def test_malformed_ror_id_is_refused_by_the_database():
    with refused_by_database("institution_ror_id_format"):
        InstitutionFactory(ror_id="not-a-ror")


def test_malformed_ror_id_gets_a_clear_form_message():
    institution = InstitutionFactory.build(ror_id="03vek6s53")
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "is not a valid ROR identifier" in error.value.message_dict["ror_id"][0]


def test_wikidata_id_is_validated_and_unique():
    InstitutionFactory(wikidata_id="Q90")
    with refused_by_database("institution_unique_wikidata_id", r"wikidata_id"):
        InstitutionFactory(wikidata_id="Q90")
    with pytest.raises(ValidationError):
        InstitutionFactory.build(wikidata_id="90").full_clean()


@pytest.mark.parametrize(
    ("latitude", "longitude", "constraint"),
    [
        (Decimal("91"), Decimal("4.8"), "institution_latitude_range"),
        (Decimal("45.7"), Decimal("-181"), "institution_longitude_range"),
        (Decimal("45.7"), None, "institution_coordinates_together"),
    ],
)
def test_coordinates_are_checked(latitude, longitude, constraint):
    with refused_by_database(constraint):
        InstitutionFactory(latitude=latitude, longitude=longitude)


def test_unknown_kind_is_refused_by_the_database():
    with refused_by_database("institution_kind_valid"):
        InstitutionFactory(kind="spaceship")


def test_institution_cannot_be_its_own_parent():
    institution = InstitutionFactory()
    institution.parent = institution
    with refused_by_database("institution_not_own_parent"):
        institution.save()


def test_parent_with_units_cannot_be_deleted():
    hospital = InstitutionFactory()
    InstitutionFactory(parent=hospital)
    with pytest.raises(ProtectedError):
        hospital.delete()


def test_institution_with_teams_cannot_be_deleted():
    team = TeamFactory()
    with pytest.raises(ProtectedError):
        team.institution.delete()
    assert Institution.objects.filter(pk=team.institution.pk).exists()


def test_team_slug_is_unique():
    TeamFactory(slug="gao")
    with refused_by_database("team_unique_slug", r"institutions_team\.slug"):
        TeamFactory(slug="gao")


def test_urls():
    institution = InstitutionFactory(slug="renji")
    team = TeamFactory(slug="gao", institution=institution)
    assert institution.get_absolute_url() == "/en/institutions/renji/"
    assert team.get_absolute_url() == "/en/institutions/teams/gao/"


def test_an_institution_cannot_be_placed_inside_its_own_unit():
    university = InstitutionFactory()
    hospital = InstitutionFactory(parent=university)
    university.parent = hospital
    with pytest.raises(ValidationError) as error:
        university.full_clean()
    assert "inside itself" in error.value.message_dict["parent"][0]
