"""A visitor in a real Chromium: both languages, the switcher, filters, a collaboration, the map."""

import re

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def site(live_server, clara_dataset):
    return live_server.url


def test_visitor_browses_filters_and_switches_language(page, site):
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(f"{site}/fr/")
    assert page.locator("h1").inner_text() == "Les collaborations internationales de CLARA"
    assert page.locator(".world-map .markers-wide .marker").count() >= 4  # close cities merged

    page.get_by_role("link", name="Collaborations", exact=True).first.click()
    page.wait_for_url(re.compile(r"/fr/collaborations/$"))
    page.select_option("#id_country", "CN")
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"country=CN"))
    cards = page.locator(".cards .card h2")
    assert cards.all_inner_texts() == ["CLARA International Shanghai"]

    cards.first.locator("a").click()
    page.wait_for_url(re.compile(r"/fr/collaborations/clara-international-shanghai/$"))
    assert page.get_by_role("heading", name="Partenaires").is_visible()
    assert page.locator(".world-map .marker").count() >= 1

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/collaborations/clara-international-shanghai/$"))
    assert page.get_by_role("heading", name="Partners").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    assert violations == []


def test_phone_width_keyboard_and_print(page, site):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ["/en/", "/en/collaborations/", "/en/collaborations/oncopole-quebec/", "/en/map/"]:
        page.goto(f"{site}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.emulate_media(media="print")
    assert not page.get_by_label("Main navigation").is_visible()
    assert page.locator("h1").is_visible()
