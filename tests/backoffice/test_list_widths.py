"""The mobility list fits a 1440 px screen: partnership, dates and status are not cut."""

import re

import pytest

from tests.factories import InstitutionFactory, MobilityExchangeFactory, PartnershipFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_mobility_list_fits_1440_px(page, live_server, django_user_model):
    """Persona: editor (checking the mobilities of a partnership)."""
    django_user_model.objects.create_superuser("officer", "officer@example.org", "pw-Lyon-2026")
    MobilityExchangeFactory(
        host_institution=InstitutionFactory(
            name_fr="Deutsches Krebsforschungszentrum in der Helmholtz-Gemeinschaft Heidelberg",
            name_en="German Cancer Research Center in the Helmholtz Association Heidelberg",
        ),
        partnership=PartnershipFactory(
            name_fr="Programme de coopération scientifique Lyon–Heidelberg en cancérologie",
            name_en="Lyon–Heidelberg scientific cooperation programme in oncology",
        ),
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.click("a[href$='/admin/mobility/mobilityexchange/']")
    page.wait_for_selector("#result_list")

    for column in ("partnership", "dates", "status"):
        cell = page.locator(f"#result_list td.field-{column}").first
        box = cell.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 1440, column
    assert page.evaluate("document.documentElement.scrollWidth") <= 1440
    # Readable, not squeezed to a letter a line: every column at least a short word wide.
    widths = page.eval_on_selector_all(
        "#result_list thead th:not(.action-checkbox-column)",
        "cells => cells.map(cell => cell.getBoundingClientRect().width)",
    )
    assert min(widths) >= 48, widths
