"""What a visitor sees on the public pages: breadcrumbs, institutions under their country."""

import lxml.html
import pytest

pytestmark = pytest.mark.django_db


def tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        (
            "/en/collaborations/clara-international-shanghai/",
            ["Home", "Collaborations", "CLARA International Shanghai"],
        ),
        (
            "/en/collaborations/clara-international-shanghai/partners/",
            ["Home", "Collaborations", "CLARA International Shanghai", "Partners"],
        ),
        (
            "/en/institutions/teams/gao-stem-cell-team/",
            [
                "Home",
                "Institutions",
                "Renji Hospital Stem Cell Research Center",
                "Prof Gao's team – stem cells",
            ],
        ),
        ("/en/themes/liver-cancer/", ["Home", "Themes"]),
        ("/en/events/shanghai-rhone-alpes-symposium-2011/", ["Home", "Events"]),
        ("/fr/institutions/weizmann-institute/", ["Accueil", "Institutions"]),
    ],
)
def test_detail_pages_have_breadcrumbs(client, clara_dataset, url, trail):
    (nav,) = tree(client, url).xpath('//nav[@class="breadcrumbs"]')
    items = [" ".join(li.text_content().split()) for li in nav.xpath(".//li")]
    assert items[: len(trail)] == trail
    assert nav.xpath(".//li[last()]/@aria-current") == ["page"]
    assert all(a.get("href") for a in nav.xpath(".//a"))


def test_institutions_are_listed_under_their_country_name(client, clara_dataset):
    document = tree(client, "/en/institutions/")
    groups = document.xpath('//section[@class="country-group"]')
    headings = [g.xpath("string(h2)") for g in groups]
    assert {"China", "Israel", "France", "Canada"} <= set(headings)
    assert len(headings) == len(set(headings))
    (israel,) = [g for g in groups if g.xpath("string(h2)") == "Israel"]
    assert "Weizmann Institute of Science" in israel.text_content()
    french = tree(client, "/fr/institutions/").xpath('//section[@class="country-group"]/h2/text()')
    assert "Chine" in french


def test_team_and_institution_pages_offer_the_introduction(client, clara_dataset):
    pages = {
        "/en/institutions/teams/gao-stem-cell-team/": "/en/introductions/team/gao-stem-cell-team/",
        "/en/institutions/weizmann-institute/": "/en/introductions/institution/weizmann-institute/",
    }
    for url, form in pages.items():
        (link,) = tree(client, url).xpath('//p[@class="contact"]/a[@class="introduction"]')
        assert link.get("href") == form
        assert link.text_content() == "Request an introduction"
