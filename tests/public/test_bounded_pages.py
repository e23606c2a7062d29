"""Every public page, feed and file is bounded: the same queries and (nearly) the same size
with little and with much data, built in bulk here at two sizes."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from events.models import Event
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships import selectors as partnership_selectors
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from tests import factories as f
from tests.helpers import whole_sitemap
from website.sitemaps import BilingualSitemap

pytestmark = pytest.mark.django_db

COUNTRIES = ["CN", "CA", "IL", "DE", "ES", "JP", "US", "BR", "IT", "SN", "GB", "CH"]
SMALL, LARGE = 110, 250
MAX_BYTES = 200 * 1024


class World:
    """The fixed part (a hub partnership, an institution with teams, a theme, recent events)
    and `grow(n)`, which adds n of everything in bulk."""

    def __init__(self):
        self.theme = f.ResearchThemeFactory(slug="liver")
        self.big = f.PartnershipFactory(slug="network", countries=["CN"], is_featured=True)
        self.big.themes.add(self.theme)
        self.hub = f.InstitutionFactory(slug="renji", latitude=31.2, longitude=121.4)
        f.PartnershipMemberFactory(partnership=self.big, institution=self.hub)
        today = timezone.localdate()
        for day in range(1, 26):  # fills the upcoming list (20) and the feed's window
            f.EventFactory(start_date=today + datetime.timedelta(days=day), end_date=None)
            f.EventFactory(start_date=today - datetime.timedelta(days=10 * day), end_date=None)
        self.size = 0

    def grow(self, n: int) -> None:
        first, self.size = self.size, self.size + n
        numbers = range(first, self.size)
        institutions = Institution.objects.bulk_create(
            [
                Institution(
                    slug=f"inst-{i}",
                    name=f"Institut {i:05d}",
                    name_fr=f"Institut {i:05d}",
                    name_en=f"Institute {i:05d}",
                    country=COUNTRIES[i % len(COUNTRIES)],
                    city=f"Ville {i:05d}",
                    city_fr=f"Ville {i:05d}",
                    city_en=f"City {i:05d}",
                    latitude=(i % 120) - 55,
                    longitude=(i % 300) - 150,
                )
                for i in numbers
            ]
        )
        partnerships = Partnership.objects.bulk_create(
            [
                Partnership(
                    slug=f"partnership-x{i}",
                    name=f"Partenariat {i:05d}",
                    name_fr=f"Partenariat {i:05d}",
                    name_en=f"Partnership {i:05d}",
                    kind=Partnership.Kind.NETWORK,
                    countries=[COUNTRIES[i % len(COUNTRIES)]],
                    is_public=True,
                )
                for i in numbers
            ]
        )
        Partnership.themes.through.objects.bulk_create(
            Partnership.themes.through(partnership=p, researchtheme=self.theme)
            for p in partnerships
        )
        PartnershipMember.objects.bulk_create(
            [PartnershipMember(partnership=self.big, institution=i) for i in institutions]
            + [
                PartnershipMember(partnership=p, institution=i)
                for p, i in zip(partnerships, institutions, strict=True)
            ]
        )
        teams = Team.objects.bulk_create(
            Team(
                slug=f"team-x{i}",
                name=f"Équipe {i:05d}",
                name_fr=f"Équipe {i:05d}",
                name_en=f"Team {i:05d}",
                institution=self.hub,
            )
            for i in numbers
        )
        Team.themes.through.objects.bulk_create(
            Team.themes.through(team=t, researchtheme=self.theme) for t in teams
        )
        Event.objects.bulk_create(
            Event(
                slug=f"event-x{i}",
                title=f"Séminaire {i:05d}",
                title_fr=f"Séminaire {i:05d}",
                title_en=f"Seminar {i:05d}",
                kind=Event.Kind.SEMINAR,
                # Older than the feed's window; one in three undated.
                start_date=None if i % 3 == 0 else datetime.date(2000 + i % 15, 1 + i % 12, 1),
                partnership=self.big,
                is_public=True,
            )
            for i in numbers
        )
        agreements = Agreement.objects.bulk_create(
            Agreement(
                reference=f"X-{i:05d}",
                slug=f"x-{i:05d}",
                title=f"Accord {i:05d}",
                title_fr=f"Accord {i:05d}",
                title_en=f"Agreement {i:05d}",
                kind=Agreement.Kind.MOU,
                status=Agreement.Status.SIGNED,
                signed_on=datetime.date(2010 + i % 10, 1, 1),
                partnership=self.big,
                is_public=True,
            )
            for i in numbers
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=a, institution=i)
            for a, i in zip(agreements, institutions, strict=True)
        )
        MobilityExchange.objects.bulk_create(
            MobilityExchange(
                category=MobilityExchange.Category.PHD,
                direction=MobilityExchange.Direction.OUTGOING,
                host_institution=i,
                partnership=p if index % 2 else self.big,
                planned_start=datetime.date(2019 + index % 3, 1, 1),
                planned_end=datetime.date(2019 + index % 3, 3, 1),
            )
            for index, (p, i) in enumerate(zip(partnerships, institutions, strict=True))
        )


@pytest.fixture
def world(monkeypatch):
    monkeypatch.setattr(BilingualSitemap, "limit", 40)  # sections of several pages here
    monkeypatch.setattr(partnership_selectors, "MAX_MARKERS", 25)
    return World()


PAGES = [
    "/en/",
    "/fr/",
    "/en/map/",
    "/en/collaborations/",
    "/en/collaborations/?theme=liver",
    "/en/collaborations/network/",
    "/en/collaborations/network/partners/",
    "/en/collaborations/network/partners/?page=2",
    "/en/institutions/",
    "/en/institutions/?page=2",
    "/en/institutions/?country=CN",
    "/en/institutions/?directory=all",
    "/en/institutions/renji/",
    "/en/institutions/renji/?page=2",
    "/en/institutions/inst-1/",
    "/en/themes/liver/",
    "/en/themes/liver/?page=2",
    "/en/events/",
    "/en/events/?page=2",
    "/calendar/events.ics",
    "/sitemap.xml",
    "/en/mobility/figures/",
    "/fr/mobility/figures.csv",
]


def measure(client, url: str) -> tuple[int, int]:
    cache.clear()  # a first visitor's work, not a cached aggregate's
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), len(response.content)


def sitemap_pages() -> list[str]:
    """A full page of each section (pages are ranges of 20 primary keys here)."""
    return [
        f"/sitemap-{section}.xml?p={model.objects.get(slug=slug).pk // 20 + 2}"
        for section, model, slug in (
            ("institutions", Institution, "inst-0"),
            ("collaborations", Partnership, "partnership-x0"),
            ("agreements", Agreement, "x-00000"),
            ("events", Event, "event-x0"),
        )
    ]


def test_query_counts_and_sizes_do_not_grow_with_the_data(client, world):
    world.grow(SMALL)
    pages = PAGES + sitemap_pages()
    measure(client, "/en/collaborations/network/")  # per-process caches (content types)
    small = {url: measure(client, url) for url in pages}
    world.grow(LARGE - SMALL)
    large = {url: measure(client, url) for url in pages}
    for url in pages:
        (few_queries, few_bytes), (many_queries, many_bytes) = small[url], large[url]
        assert many_queries == few_queries, url
        assert many_bytes <= MAX_BYTES, url
        if url != "/sitemap.xml":  # the index lists one more address per page of a section
            assert abs(many_bytes - few_bytes) <= max(2048, few_bytes // 20), (
                url,
                few_bytes,
                many_bytes,
            )
    index_pages = re.findall(r"<loc>", client.get("/sitemap.xml").content.decode())
    assert len(index_pages) > 10


def test_map_counts_partners_per_place_and_country(client, world):
    world.grow(30)
    html = client.get("/en/map/").content.decode()
    from partnerships.selectors import partner_map

    assert len(partner_map().points) == 25  # the busiest places only, then merged when close
    assert 0 < html.count('<circle class="marker') <= 4 * 25  # two zooms, two screen sizes
    # every partner is counted by country: 30 grown ones over 12 countries, and Renji in China
    assert '<a href="/en/institutions/?country=CN">China</a> — 4 partner institutions' in html
    assert '<a href="/en/institutions/?country=SN">Senegal</a> — 2 partner institutions' in html
    assert "31 partner institutions abroad" in html


def test_sitemap_index_covers_every_public_institution_and_nothing_private(client, world):
    world.grow(50)
    f.InstitutionFactory(slug="directory-only", source=Institution.Source.ROR, ror_id="01cmnjq37")
    taking_part = f.InstitutionFactory(
        slug="directory-partner", source=Institution.Source.ROR, ror_id="02feahw73"
    )
    f.AgreementPartyFactory(institution=taking_part)
    f.PartnershipFactory(slug="hidden-programme", is_public=False)
    f.AgreementFactory(slug="secret-agreement", is_confidential=True, partnership=world.big)
    f.EventFactory(slug="private-event", is_public=False)
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    assert "http://testserver/sitemap-institutions.xml?p=2" in index
    sitemap = whole_sitemap(client)
    public = Institution.objects.partners().values_list("slug", flat=True)
    assert len(public) == 50 + 2  # grown, Renji and the directory partner
    for slug in public:
        assert f"http://testserver/en/institutions/{slug}/" in sitemap, slug
        assert f"http://testserver/fr/institutions/{slug}/" in sitemap, slug
    for private in ("directory-only", "hidden-programme", "secret-agreement", "private-event"):
        assert private not in sitemap
    pages = re.findall(r"sitemap-institutions\.xml\?p=(\d+)", index)
    beyond = max(int(page) for page in pages) + 1
    assert client.get(f"/sitemap-institutions.xml?p={beyond}").status_code == 404


def test_calendar_feed_covers_upcoming_and_the_last_six_months(client, monkeypatch):
    today = timezone.localdate()
    for slug, days in (
        ("next-week", 7),
        ("last-month", -30),
        ("eight-months-ago", -240),
        ("two-years-ago", -730),
    ):
        f.EventFactory(
            slug=slug,
            title_en=slug,
            start_date=today + datetime.timedelta(days=days),
            end_date=None,
        )
    f.EventFactory(
        slug="ten-years-ago", title_en="ten-years-ago", start_date=datetime.date(2000, 1, 1)
    )

    def feed(query: str = "") -> str:
        response = client.get(f"/calendar/events.ics{query}")
        assert response.status_code == 200
        return response.content.decode()

    default = feed()
    assert "next-week" in default
    assert "last-month" in default
    assert "eight-months-ago" not in default
    assert "two-years-ago" not in default
    assert "eight-months-ago" in feed("?past=1")
    assert "two-years-ago" in feed("?past=3")
    assert "ten-years-ago" not in feed("?past=99")  # at most 5 years back
    assert client.get("/calendar/events.ics?past=many").status_code == 400
    from events import calendars

    monkeypatch.setattr(calendars, "MAX_EVENTS", 2)  # the nearest ones, past and upcoming
    nearest = feed("?past=4")
    assert "next-week" in nearest
    assert "last-month" in nearest
    assert "eight-months-ago" not in nearest


def test_collaboration_page_summarises_many_partners(client, monkeypatch):
    monkeypatch.setattr(partnership_selectors, "MEMBERS_SHOWN", 3)
    partnership = f.PartnershipFactory(slug="consortium")
    for index, country in enumerate(["CN", "CN", "CA", "CA", "CA", "IL"]):
        f.PartnershipMemberFactory(
            partnership=partnership,
            institution=f.InstitutionFactory(name_en=f"Member {index}", country=country),
        )
    html = client.get("/en/collaborations/consortium/").content.decode()
    assert "6 partner institutions, by country: Canada (3), China (2), Israel (1)." in html
    assert html.count(" — Partner</li>") == 3  # the first three, by country
    assert 'href="/en/collaborations/consortium/partners/">All 6 partner institutions</a>' in html
    partners = client.get("/en/collaborations/consortium/partners/").content.decode()
    assert all(f"Member {index}" in partners for index in range(6))
    assert "6 partner institutions" in partners


def test_lists_paginate_without_counting_and_refuse_pages_past_the_end(client, world):
    world.grow(60)
    first = client.get("/en/institutions/").content.decode()
    assert "Page 1<" in first
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/en/institutions/?page=2").content.decode()
    assert "Page 2<" in second
    assert 'rel="next"' not in second
    assert client.get("/en/institutions/?page=3").status_code == 404
    china = client.get("/en/institutions/?country=cn").content.decode()
    assert "Institute 00012" in china
    assert "Institute 00001" not in china
    teams = client.get("/en/institutions/renji/?page=2").content.decode()
    assert "60 teams" in teams
    assert "Team 00030" in teams
    assert "Team 00029" not in teams
    theme = client.get("/en/themes/liver/?page=2").content.decode()
    assert "60 teams" in theme
    assert "Page 2 of 2" in theme


def test_mobility_figures_name_the_busiest_collaborations_and_add_up_the_others(
    client, monkeypatch
):
    from mobility import selectors as mobility_selectors

    monkeypatch.setattr(mobility_selectors, "COLLABORATIONS_SHOWN", 2)
    for name, count in (("Alpha", 3), ("Beta", 2), ("Gamma", 1), ("Delta", 1)):
        partnership = f.PartnershipFactory(name_en=name)
        for _ in range(count):
            f.MobilityExchangeFactory(partnership=partnership)
    html = client.get("/en/mobility/figures/").content.decode()
    assert '<th scope="row">Alpha</th><td>3</td>' in html
    assert '<th scope="row">Other collaborations</th><td>2</td>' in html
    assert "Gamma" not in html


def test_mobility_csv_in_french_follows_french_typography(client):
    partnership = f.PartnershipFactory(name_fr="Programme d'échanges : Lyon-Québec")
    f.MobilityExchangeFactory(partnership=partnership)
    content = client.get("/fr/mobility/figures.csv").content.decode()
    assert "collaboration,Programme d’échanges\u202f: Lyon-Québec,1" in content
    english = client.get("/en/mobility/figures.csv").content.decode()
    assert "Programme d'échanges : Lyon-Québec" not in english  # English name shown there


def test_the_institution_list_stops_at_its_last_page(client, world, monkeypatch):
    from institutions.views import InstitutionPaginator

    monkeypatch.setattr(InstitutionPaginator, "max_pages", 1)
    world.grow(60)
    html = client.get("/en/institutions/").content.decode()
    assert "The list stops here" in html
    assert 'rel="next"' not in html
    assert client.get("/en/institutions/?page=2").status_code == 404
    with translation.override("fr"):
        french = client.get("/fr/institutions/").content.decode()
    assert "La liste s’arrête ici\u202f:" in french


def test_a_theme_lists_its_first_pages_of_teams_then_points_to_the_search(
    client, world, monkeypatch
):
    from themes import views as theme_views

    monkeypatch.setattr(theme_views, "MAX_TEAM_PAGES", 1)
    world.grow(60)  # 60 liver teams: two pages of 30
    html = client.get("/en/themes/liver/").content.decode()
    assert "60 teams" in html
    assert 'rel="next"' not in html
    assert "The list of teams stops here" in html
    assert 'href="/en/search/?theme=liver"' in html
    for deep in ("2", "99999", "abc"):
        assert client.get(f"/en/themes/liver/?page={deep}").status_code == 404, deep
