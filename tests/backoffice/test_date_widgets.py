"""Every date on the agreement form is typed in the same kind of box (no calendar pop-up next to
one-box dates)."""

import re

import pytest

from backoffice.roles import AGREEMENTS_MANAGER
from core.partial_dates import DATE_INPUT_CLASS
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

DATE_NAMES = re.compile(r"(^|-)(signed_on|start_date|end_date)$")


def date_inputs(html: str) -> dict[str, str]:
    inputs = re.findall(r"<input[^>]*>", html)
    named = {re.search(r'name="([^"]+)"', tag): tag for tag in inputs}
    return {m[1]: tag for m, tag in named.items() if m and DATE_NAMES.search(m[1])}


def test_the_agreement_form_dates_are_all_of_one_kind(role_client):
    agreement = AgreementFactory(reference="DATES-1")
    client = role_client(AGREEMENTS_MANAGER)
    html = client.get(f"/admin/partnerships/agreement/{agreement.pk}/change/").content.decode()
    found = date_inputs(html)

    assert {"signed_on", "start_date", "end_date", "parties-__prefix__-signed_on"} <= set(found)
    kinds = {
        (re.search(r'type="(\w+)"', tag)[1], re.search(r'class="([^"]*)"', tag)[1])
        for tag in found.values()
    }
    assert kinds == {("text", DATE_INPUT_CLASS)}
    assert DATE_INPUT_CLASS.startswith("vTextField clara-date ")  # then the theme's classes
    assert "vDateField" not in html
