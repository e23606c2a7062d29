"""The back-office's own words in French: Django's translations are not overridden by ours."""

import re

import pytest
from django.urls import reverse

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR
from tests.factories import AgreementFactory, AgreementPartyFactory, InstitutionFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_delete_reads_supprimer_on_the_change_and_confirmation_pages(role_client):
    client = role_client(EDITOR)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    institution = InstitutionFactory()
    change = client.get(reverse("admin:institutions_institution_change", args=[institution.pk]))
    delete = client.get(reverse("admin:institutions_institution_delete", args=[institution.pk]))

    # The theme's button reads "Supprimer <the record's kind>".
    assert re.search(r">\s*Supprimer\b", change.text)
    assert "Supprimée" not in change.text
    assert "Voulez-vous vraiment supprimer" in delete.text  # the theme's page asks in French
    assert "Supprimée" not in delete.text


def test_the_agreement_form_shows_the_error_next_to_the_end_date_in_french(make_staff, client):
    agreement = AgreementFactory()
    AgreementPartyFactory(agreement=agreement)
    client.force_login(make_staff(AGREEMENTS_MANAGER))
    url = f"/admin/partnerships/agreement/{agreement.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(start_date="2020-05-01", end_date="2019-05-01", signed_on="2018-03-08")

    page = client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")

    form = page.context["adminform"].form
    assert list(form.errors) == ["end_date"]
    assert "Ne peut pas précéder" in form.errors["end_date"][0]
    assert "agreement_end_after_start" not in page.text
