import re

import pytest

from tests.helpers import whole_sitemap

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/",
    "/{lang}/map/",
    "/{lang}/collaborations/",
    "/{lang}/collaborations/clara-international-shanghai/",
    "/{lang}/collaborations/oncopole-quebec/",
    "/{lang}/collaborations/clara-international-shanghai/partners/",
    "/{lang}/collaborations/agreements/clara-oncopole-quebec-2018/",
    "/{lang}/institutions/",
    "/{lang}/institutions/?country=CN",
    "/{lang}/institutions/renji-stem-cell-research-center/",
    "/{lang}/institutions/teams/gao-stem-cell-team/",
    "/{lang}/eu-projects/institution/renji-stem-cell-research-center/",
    "/{lang}/themes/",
    "/{lang}/themes/liver-cancer/",
    "/{lang}/events/",
    "/{lang}/events/shanghai-rhone-alpes-symposium-2011/",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("template", PAGES)
def test_every_public_page_in_both_languages(client, clara_dataset, template, lang):
    response = client.get(template.format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    other = "en" if lang == "fr" else "fr"
    assert re.search(
        rf'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/', html
    )
    assert 'hreflang="x-default"' in html
    for landmark in ("<main", "<header", "<footer", "<nav"):
        assert landmark in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    for url in re.findall(r'(?:src|href)="([^"#]+)"', html):
        assert not url.startswith("//")
        if url.startswith("http"):  # absolute links: only this site, or an outbound <a>
            assert url.startswith("http://testserver/") or f'href="{url}"' in html


@pytest.mark.parametrize(
    ("accept", "target"), [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr", "/fr/"), ("de", "/fr/")]
)
def test_root_redirects_by_browser_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_language_switcher_keeps_the_page(client, clara_dataset):
    html = client.get("/fr/collaborations/oncopole-quebec/?x=1").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="http://testserver/en/collaborations/oncopole-quebec/?x=1"' in switcher


def test_collaboration_page_shows_partners_by_country_agreements_and_timeline(
    client, clara_dataset
):
    html = client.get("/en/collaborations/clara-international-shanghai/").content.decode()
    assert html.index("<h3>China</h3>") < html.index("Fudan University")
    assert "Shanghai Cancer Institute" in html
    assert "CRCL – Shanghai Cancer Institute partnership agreement" in html
    timeline = html[html.index('class="timeline"') :]
    assert timeline.index("2013") < timeline.index("4–6 July 2011")  # newest first
    assert "Mobility planned" in timeline  # planned, never reported done: kept apart
    assert "Researcher, host institution: Renji Hospital Stem Cell" in timeline
    assert "14</strong> research institutes" in html
    quebec = client.get("/en/collaborations/oncopole-quebec/").content.decode()
    assert "&gt; 1,300</strong> co-publications" in quebec
    french = client.get("/fr/collaborations/oncopole-quebec/").content.decode()
    assert "&gt; 1\u202f300</strong> copublications" in french
    assert "Depuis le 8 mars 2018" in french


def test_institution_page_shows_parents_units_and_collaborations(client, clara_dataset):
    html = client.get("/en/institutions/renji-hospital/").content.decode()
    assert "Renji Hospital Stem Cell Research Center" in html  # unit
    assert "CLARA International Shanghai" in html
    centre = client.get("/en/institutions/renji-stem-cell-research-center/").content.decode()
    assert '<a href="/en/institutions/renji-hospital/">' in centre  # parent


def test_theme_page_lists_teams_and_collaborations(client, clara_dataset):
    html = client.get("/en/themes/cancer-stem-cells/").content.decode()
    assert "CLARA International Shanghai" in html
    assert "Prof Gao&#x27;s team" in html or "Prof Gao's team" in html


def test_events_upcoming_past_and_undated(client, clara_dataset):
    html = client.get("/en/events/").content.decode()
    past = html[html.index('id="past"') : html.index('id="undated"')]
    assert "1st Shanghai/Rhône-Alpes Symposium" in past
    assert "3rd Franco-Chinese seminar" in html[html.index('id="undated"') :]


def test_map_has_markers_and_links_from_the_region(client, clara_dataset):
    html = client.get("/en/map/").content.decode()
    assert html.count('class="marker"') >= 7  # one per city abroad
    assert html.count("<line ") >= 7
    assert "Weizmann Institute of Science — Rehovot, Israel" in html  # alone in its city
    # The Shanghai Municipality supports the programme: it is not counted as a partner.
    assert "Shanghai, China — 8 partner institutions" in html
    assert '<a href="/en/institutions/?country=CN">China</a> — 8 partner institutions' in html
    svg = client.get("/map/world.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.count(b"<path") > 150


def test_json_ld_and_open_graph(client, clara_dataset):
    home = client.get("/en/").content.decode()
    assert '"@type": "Organization"' in home
    assert 'property="og:title"' in home
    event = client.get("/en/events/shanghai-rhone-alpes-symposium-2011/").content.decode()
    assert '"@type": "Event"' in event
    assert '"startDate": "2011-07-04"' in event
    assert '<meta property="og:locale" content="en_GB">' in event


def test_sitemap_in_both_languages_and_robots(client, clara_dataset):
    sitemap = whole_sitemap(client)
    assert "http://testserver/fr/collaborations/oncopole-quebec/" in sitemap
    assert "http://testserver/en/collaborations/oncopole-quebec/" in sitemap
    assert 'hreflang="x-default"' in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots


EXTRA_PAGES = [
    "/en/search/?q=cancer",
    "/en/search/?q=cancer&type=institutions",
    "/en/mobility/figures/",
    "/en/collaborations/?country=ZZ",
    "/en/calls/",
    "/fr/appels/sign-in/",
    "/en/introductions/team/gao-stem-cell-team/",
    "/en/saved-searches/?q=cancer",
]


@pytest.mark.parametrize("url", [p.format(lang="en") for p in PAGES] + EXTRA_PAGES)
def test_pages_are_well_formed_html(client, clara_dataset, url):
    """No HTML5 parse error, and no id used twice (labels and landmarks rely on them)."""
    import html5lib

    content = client.get(url).content
    html5lib.HTMLParser(strict=True).parse(content)
    ids = re.findall(r'\sid="([^"]+)"', content.decode())
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
