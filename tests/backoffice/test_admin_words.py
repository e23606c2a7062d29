"""The back-office's own words in French: Django's translations are not overridden by ours."""

import pytest
from django.urls import reverse

from backoffice.roles import EDITOR
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_delete_reads_supprimer_on_the_change_and_confirmation_pages(role_client):
    client = role_client(EDITOR)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    institution = InstitutionFactory()
    change = client.get(reverse("admin:institutions_institution_change", args=[institution.pk]))
    delete = client.get(reverse("admin:institutions_institution_delete", args=[institution.pk]))

    assert ">Supprimer<" in change.text
    assert "Supprimée" not in change.text
    assert "<h1>Supprimer</h1>" in delete.text or "Êtes-vous sûr" in delete.text
    assert "Supprimée" not in delete.text
