"""A spreadsheet's host column written as affiliations (issue #25): the resolver links the
organisation it chooses, and the rows it cannot resolve are listed with their candidates."""

import pytest

from backoffice.roles import EDITOR
from mobility.models import MobilityExchange
from tests.factories import InstitutionFactory

from .test_import_rules import HEADER, confirm, errors_of, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return {
        "lyon": InstitutionFactory(
            slug="ucbl",
            name_fr="Université Claude Bernard Lyon 1",
            name_en="Claude Bernard University Lyon 1",
            acronym="UCBL",
            country="FR",
            city_fr="Lyon",
            city_en="Lyon",
        ),
        "heidelberg": InstitutionFactory(
            slug="heidelberg",
            name_fr="Université de Heidelberg",
            name_en="Heidelberg University",
            country="DE",
            city_fr="Heidelberg",
            city_en="Heidelberg",
        ),
        # Two laboratories of the same name, in Marseille and in Palaiseau.
        "cpt-marseille": InstitutionFactory(
            slug="cpt-marseille",
            name_fr="Centre de Physique Théorique",
            name_en="Centre for Theoretical Physics",
            country="FR",
            city_fr="Marseille",
            city_en="Marseille",
        ),
        "cpt-palaiseau": InstitutionFactory(
            slug="cpt-palaiseau",
            name_fr="Centre de Physique Théorique",
            name_en="Centre for Theoretical Physics",
            country="FR",
            city_fr="Palaiseau",
            city_en="Palaiseau",
        ),
    }


def test_hosts_written_as_affiliations_link_the_right_institutions(role_client, directory):
    client = role_client(EDITOR)
    text = (
        HEADER + "Ana Ruiz;phd;outgoing;Dept. of Medicine, Univ. Claude Bernard Lyon 1, France;"
        "2023-03-13;;planned\n"
        + "Li Na;phd;outgoing;Inst. of Pharmacology, Heidelberg Univ., Germany;"
        "2023-04-13;;planned\n"
    )
    confirm(client, upload(client, text.encode()))
    hosts = dict(MobilityExchange.objects.values_list("person__last_name", "host_institution"))
    assert hosts == {"Ruiz": directory["lyon"].pk, "Na": directory["heidelberg"].pk}


def test_a_host_the_resolver_cannot_choose_is_listed_with_its_candidates(role_client, directory):
    client = role_client(EDITOR)
    text = HEADER + "Ana Ruiz;phd;outgoing;Centre de Physique Théorique (CPT);2023-03-13;;planned\n"
    text += "Bo Li;phd;outgoing;Department of Medicine;2023-03-13;;planned\n"
    messages = errors_of(upload(client, text.encode()))
    theory = next(m for m in messages if m.startswith("Row 2"))
    assert "It may be: " in theory
    assert "(cpt-marseille)" in theory
    assert "(cpt-palaiseau)" in theory
    medicine = next(m for m in messages if m.startswith("Row 3"))
    assert "no institution is known by this key or name." in medicine
    assert "It may be" not in medicine
    assert not MobilityExchange.objects.exists()
