"""Before a record is saved, its likely duplicates are named, with links; "Save anyway"."""

import pytest

from backoffice.roles import VIEWER
from institutions.models import Institution
from institutions.selectors import likely_duplicates as likely_institutions
from partnerships.models import Partnership
from partnerships.selectors import likely_duplicates
from tests.factories import InstitutionFactory, PartnershipFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

PARTNERSHIP = {
    "name_fr": "Réseau Lyon-Heidelberg",
    "name_en": "Lyon-Heidelberg network",
    "slug": "reseau-lyon-heidelberg-bis",
    "kind": Partnership.Kind.NETWORK,
    "status": Partnership.Status.ACTIVE,
    "start_precision": "day",
    "end_precision": "day",
}
INSTITUTION = {
    "name_fr": "Université de Heidelberg",
    "name_en": "",
    "slug": "universite-de-heidelberg",
    "kind": Institution.Kind.UNIVERSITY,
    "network_role": Institution.NetworkRole.FOREIGN_PARTNER,
    "country": "DE",
    "source": Institution.Source.CLARA,
}


def post(client, url: str, values: dict):
    return client.post(url, {**admin_form_data(client.get(url)), **values})


def test_a_second_partnership_with_a_similar_name_is_warned_about(staff_client):
    first = PartnershipFactory(name_fr="Réseau Lyon–Heidelberg", name_en="Lyon–Heidelberg network")
    url = "/admin/partnerships/partnership/add/"
    response = post(staff_client, url, PARTNERSHIP)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist nonfield"' in page
    assert f"/admin/partnerships/partnership/{first.pk}/change/" in page
    assert 'type="checkbox" name="save_anyway"' in page
    assert Partnership.objects.count() == 1

    response = post(staff_client, url, {**PARTNERSHIP, "save_anyway": "on"})
    assert response.status_code == 302
    assert Partnership.objects.count() == 2


def test_an_unrelated_partnership_is_saved_without_warning(staff_client):
    PartnershipFactory(name_fr="Coopération Weizmann", name_en="Weizmann cooperation")
    response = post(staff_client, "/admin/partnerships/partnership/add/", PARTNERSHIP)
    assert response.status_code == 302


def test_a_hand_made_institution_next_to_ror_s_is_warned_about(staff_client):
    ror = InstitutionFactory(
        name_fr="Heidelberg University",
        name_en="Heidelberg University",
        country="DE",
        city_fr="Heidelberg",
        city_en="Heidelberg",
        source=Institution.Source.ROR,
        ror_id="038t36y30",
        ror_names="heidelberg university universitat heidelberg ruprecht-karls-universitat",
    )
    InstitutionFactory(name_fr="Université de Lyon", name_en="University of Lyon", country="FR")
    response = post(staff_client, "/admin/institutions/institution/add/", INSTITUTION)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"/admin/institutions/institution/{ror.pk}/change/" in page
    assert "Heidelberg University — Heidelberg, Allemagne · ROR" in page
    warning = page.split('class="errorlist nonfield"')[1].split("</ul>")[0]
    assert "Heidelberg University" in warning
    assert "University of Lyon" not in warning


def test_the_same_name_in_another_country_is_warned_about(staff_client):
    InstitutionFactory(name_fr="Université de Heidelberg", name_en="Heidelberg University")
    response = post(staff_client, "/admin/institutions/institution/add/", INSTITUTION)
    assert 'type="checkbox" name="save_anyway"' in response.content.decode()


def test_renaming_nothing_checks_nothing(staff_client):
    PartnershipFactory(name_fr="Réseau Lyon–Heidelberg", name_en="Lyon–Heidelberg network")
    second = PartnershipFactory(name_fr="Réseau Lyon–Heidelberg 2", name_en="Network 2")
    url = f"/admin/partnerships/partnership/{second.pk}/change/"
    response = post(staff_client, url, {"acronym": "LH2", "start_date": "2012-02-21"})
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_a_viewer_sees_no_save_anyway_row(role_client):
    partnership = PartnershipFactory()
    page = role_client(VIEWER).get(f"/admin/partnerships/partnership/{partnership.pk}/change/")
    assert "save_anyway" not in page.content.decode()


def test_the_candidates_are_found_in_one_query(django_assert_num_queries):
    PartnershipFactory(name_fr="Réseau Lyon–Heidelberg", name_en="Lyon–Heidelberg network")
    with django_assert_num_queries(1):
        found = likely_duplicates(names=["Réseau Lyon-Heidelberg"], acronym="", exclude_pk=None)
    assert len(found) == 1
    with django_assert_num_queries(1):
        institutions = likely_institutions(
            names=["Université de Heidelberg"], country="DE", exclude_pk=None
        )
    assert institutions == []
