import re

import pytest

from institutions.models import Institution
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_history_shows_who_changed_what_and_reverts(staff_client, admin_user):
    institution = InstitutionFactory(
        name_fr="Institut du cancer de Shanghai", name_en="Shanghai Cancer Institute"
    )
    url = f"/admin/institutions/institution/{institution.pk}/change/"
    form = staff_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "name_fr": "Institut du cancer de Shanghai",
            "name_en": "Shanghai Cancer Institute (SCI)",
            "description_fr": "",
            "description_en": "",
            "city_fr": "Shanghaï",
            "city_en": "Shanghai",
            "teams-TOTAL_FORMS": "0",
            "teams-INITIAL_FORMS": "0",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    history = staff_client.get(
        url.replace("change/", "history/"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "staff" in history  # who
    # The diff: field, old value, new value.
    assert re.search(
        r"name \[en\]:\s+Shanghai Cancer Institute\s.*?Shanghai Cancer Institute \(SCI\)",
        re.sub(r"<[^>]+>", " ", history),
        re.IGNORECASE | re.DOTALL,
    )

    first = institution.history.earliest()
    revert_url = f"/admin/institutions/institution/{institution.pk}/history/{first.history_id}/"
    revert_form = staff_client.get(revert_url).context["adminform"].form
    data = {k: v for k, v in revert_form.initial.items() if v is not None}
    data.update({"teams-TOTAL_FORMS": "0", "teams-INITIAL_FORMS": "0"})
    assert staff_client.post(revert_url, data).status_code == 302
    institution.refresh_from_db()
    assert institution.name_en == "Shanghai Cancer Institute"
    assert Institution.history.filter(id=institution.pk).count() == 3
