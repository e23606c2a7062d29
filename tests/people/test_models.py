import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from people.models import Person
from tests.factories import MobilityExchangeFactory, PersonFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db


def test_full_name_with_title():
    from django.utils import translation

    with translation.override("fr"):
        assert str(PersonFactory(title="Pr", first_name="Rémi", last_name="Quirion")) == (
            "Pr Rémi Quirion"
        )


def test_orcid_checksum_is_validated():
    with pytest.raises(ValidationError) as error:
        PersonFactory.build(orcid="0000-0002-1825-0098").full_clean()
    assert "is not a valid ORCID iD" in error.value.message_dict["orcid"][0]
    PersonFactory.build(orcid="0000-0002-1825-0097").full_clean()


def test_malformed_orcid_is_refused_by_the_database():
    with refused_by_database("person_orcid_format"):
        PersonFactory(orcid="1234")


def test_orcid_is_unique():
    PersonFactory(orcid="0000-0002-1825-0097")
    with refused_by_database("person_unique_orcid", r"people_person\.orcid"):
        PersonFactory(orcid="0000-0002-1825-0097")


def test_last_name_is_required_by_the_database():
    with refused_by_database("person_last_name_required"):
        PersonFactory(last_name="")


def test_public_only_lists_consenting_people():
    named = PersonFactory(is_public=True)
    PersonFactory(is_public=False)
    assert list(Person.objects.public()) == [named]


def test_person_with_mobilities_cannot_be_deleted_silently():
    mobility = MobilityExchangeFactory()
    with pytest.raises(ProtectedError):
        mobility.person.delete()


def test_english_pages_write_prof_for_pr():
    from django.utils import translation

    person = PersonFactory(title="Pr", first_name="Jean-Yves", last_name="Blay")
    with translation.override("en"):
        assert person.full_name == "Prof Jean-Yves Blay"
    with translation.override("fr"):
        assert person.full_name == "Pr Jean-Yves Blay"
