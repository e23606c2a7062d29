"""The public site's everyday tasks, done as people do them in Chromium: from the home page,
only by clicking, typing, pressing keys and picking options (no address typed after the first).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

CONTACT = "international@example.org"


@pytest.fixture
def home(page, live_server, clara_dataset, settings):
    settings.CLARA_CONTACT_EMAIL = CONTACT

    def open_home(width: int = 1440, language: str = "fr"):
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 800})
        page.goto(f"{live_server.url}/fr/")
        if language == "en":
            page.get_by_role("link", name="English").click()
            page.wait_for_url(re.compile(r"/en/$"))
        return page

    return open_home


def search_for(page, words: str):
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))


def results(page):
    return page.locator("#results .result h2")


def menu(page, name: str):
    page.get_by_label(re.compile("Main navigation|Navigation principale")).get_by_role(
        "link", name=name, exact=True
    ).click()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_researcher_finds_a_team_in_china_on_liver_cancer(home, language):
    """Researcher: looking for a team in China working on liver cancer, typing as they think
    (a letter missing), then asking CLARA to introduce them; then an institute by name."""
    page = home(language=language)
    french = language == "fr"
    search_for(page, "cancer du foi" if french else "liver cancer")
    team = "Équipe du Pr Gao – cellules souches" if french else "Prof Gao's team – stem cells"
    expect(results(page).first).to_have_text(team)

    held = []  # the live update, held back to see the page say it is working
    live_update = re.compile(r"/search/\?.*country=CN")
    page.route(live_update, lambda route: held.append(route))
    page.get_by_label("Pays" if french else "Country", exact=True).select_option(
        label="Chine" if french else "China"
    )
    expect(page.locator("#search-busy")).to_be_visible()
    held[0].continue_()
    page.unroute(live_update)
    expect(page.locator("#search-busy")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"country=CN"))
    expect(results(page)).to_have_text([team])

    if not french:  # a typo in the team's own name, then Enter, without waiting
        page.locator("#id_q").fill("stem cels")
        page.locator("#id_q").press("Enter")
        expect(page).to_have_url(re.compile(r"q=stem(\+|%20)cels"))
        expect(results(page)).to_have_text([team])

    introduction = page.locator("#results .contact a.introduction")
    expect(introduction).to_have_attribute(
        "href", f"/{language}/introductions/team/gao-stem-cell-team/"
    )
    results(page).first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(team)
    introduction = page.locator(".contact a.introduction")
    expect(introduction).to_have_text(
        "Demander une mise en relation" if french else "Request an introduction"
    )

    if french:  # an institute's name, misspelt, and Enter: no team there, the institute is
        page.get_by_role("link", name=re.compile("^Cancéropôle CLARA")).click()
        search_for(page, "Weizman")
        page.locator(".elsewhere").get_by_role("link", name=re.compile("Institutions")).click()
        expect(results(page).first).to_have_text("Institut Weizmann des sciences")


def visible_markers(page) -> list[dict]:
    return page.evaluate(
        """[...document.querySelectorAll('.world-map .marker')]
        .map(m => m.getBoundingClientRect())
        .filter(r => r.width > 0)
        .map(r => ({x: r.x + r.width / 2, y: r.y + r.height / 2,
                    size: Math.min(r.width, r.height)}))"""
    )


def assert_touchable(markers: list[dict]):
    assert markers
    assert min(m["size"] for m in markers) >= 24, markers
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            assert ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 >= 24, (a, b)


@pytest.mark.parametrize("width", [1440, 375])
def test_visitor_reads_the_collaborations_with_israel_the_map_events_and_figures(home, width):
    """Visitor: curious about CLARA abroad, on a laptop or on a phone: every collaboration
    with Israel, one collaboration read in full, the map, the events, the mobility figures."""
    page = home(width)
    phone = width < 500

    menu(page, "Collaborations")
    expect(page.locator(".result-count")).to_have_text("14 collaborations")
    if phone:  # the results come first, the filters are folded away
        assert page.locator(".cards .card").first.bounding_box()["y"] < 800
        page.locator(".filter-panel summary").click()
    page.get_by_label("Pays", exact=True).select_option(label="Israël")
    page.get_by_role("button", name="Appliquer").click()
    expect(page.locator(".result-count")).to_have_text("1 collaboration")
    cards = page.locator(".cards .card h2")
    expect(cards).to_have_text(["Coopération avec l’Institut Weizmann"])

    cards.first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Coopération avec l’Institut Weizmann")
    expect(page.locator("nav.breadcrumbs")).to_contain_text("Collaborations")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    menu(page, "Carte")
    expect(page.locator("h1")).to_have_text("Carte des partenaires")
    assert_touchable(visible_markers(page))
    page.locator(".world-map:not(.zoom) a[href*='weizmann']:visible").click()
    expect(page.locator("h1")).to_have_text("Institut Weizmann des sciences")

    menu(page, "Événements")
    planned = page.locator("section", has=page.locator("#planned"))
    expect(planned).to_contain_text("Premier symposium CLARA – Oncopole")
    past = page.locator("section", has=page.locator("#past"))
    expect(past).not_to_contain_text("Premier symposium CLARA – Oncopole")
    expect(past).to_contain_text("du 4 au 6 juillet 2011")
    past.get_by_role("link", name=re.compile("1er Shanghai")).click()
    expect(page.locator("h1")).to_contain_text("1er Shanghai/Rhône-Alpes Symposium")

    menu(page, "Mobilité")
    expect(page.locator("h1")).to_have_text("La mobilité en chiffres")
    expect(page.locator("table").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_keyboard_user_searches_and_reaches_a_result_with_visible_focus(home):
    """Keyboard-only visitor: no mouse; Tab to the search box, type, Enter, Tab to a result,
    always seeing where the focus is."""
    page = home()

    def tab_to(condition: str, limit: int = 60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(condition):
                return
        raise AssertionError(f"never reached by Tab: {condition}")

    def focus_ring() -> dict:
        return page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; })()"
        )

    tab_to("document.activeElement.type === 'search'")
    assert focus_ring()["style"] != "none"
    assert focus_ring()["width"] >= 2
    page.keyboard.type("cancer du foie")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))
    tab_to("!!document.activeElement.closest('#results .result h2')")
    assert focus_ring()["style"] != "none"
    assert focus_ring()["width"] >= 2
    team = page.evaluate("document.activeElement.textContent").strip()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(team)
