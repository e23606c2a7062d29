"""An edit made in the admin survives `make demo` (which loads the CLARA dataset again)."""

import pytest
from django.core.management import call_command
from django.test import Client

from backoffice.roles import EDITOR
from tests.helpers import admin_form_data
from themes.models import ResearchTheme

pytestmark = pytest.mark.django_db


def test_an_admin_edit_is_kept_when_the_dataset_is_loaded_again(clara_dataset, make_staff, capsys):
    theme = ResearchTheme.objects.get(slug="liver-cancer")
    url = f"/admin/themes/researchtheme/{theme.pk}/change/"
    client = Client()
    client.force_login(make_staff(EDITOR, "editor"))
    data = admin_form_data(client.get(url))
    data["description_en"] = "Corrected by the international office."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    capsys.readouterr()
    call_command("load_clara_dataset")  # what `make demo` runs (Makefile: dataset)
    theme.refresh_from_db()
    assert theme.description_en == "Corrected by the international office."
    assert "description_en" in capsys.readouterr().out

    call_command("load_clara_dataset", "--update", verbosity=0)
    theme.refresh_from_db()
    assert theme.description_en.startswith("Liver cancers")
