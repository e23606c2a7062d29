"""What the pages and the API say is what the five documents say: nothing guessed (issue 20)."""

import datetime

import pytest

from events.models import Event
from institutions.models import Institution
from partnerships.models import Agreement, Partnership
from partnerships.selectors import _partner_map
from sources.models import Source
from sources.selectors import published_without_source
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_quebec_agreement_is_announced_not_signed(clara_dataset, client):
    agreement = Agreement.objects.get(slug="clara-oncopole-quebec-2018")
    assert (agreement.status, agreement.signed_on, agreement.signed_place) == (
        "announced",
        None,
        "",
    )
    page = client.get("/fr/collaborations/agreements/clara-oncopole-quebec-2018/")
    html = page.content.decode()
    assert "Signé" not in html
    assert "Matignon" not in html
    collaboration = client.get("/fr/collaborations/oncopole-quebec/").content.decode()
    assert "Signé" not in collaboration
    api = client.get("/api/agreements/clara-oncopole-quebec-2018/").json()
    assert (api["status"], api["signed_on"], api["signed_precision"]) == ("announced", None, None)


def test_lyonbiopole_plan_is_announced_until_2018(clara_dataset, client):
    plan = Agreement.objects.get(slug="lyonbiopole-clara-plan")
    assert (plan.status, plan.end_date.year, plan.end_precision) == ("announced", 2018, "year")
    api = client.get("/api/agreements/lyonbiopole-clara-plan/").json()
    assert (api["end_date"], api["end_precision"], api["signed_on"]) == ("2018", "year", None)
    page = client.get("/fr/collaborations/agreements/lyonbiopole-clara-plan/").content.decode()
    assert "Signé" not in page
    assert "Jusqu’en 2018" in page or "Jusqu'en 2018" in page
    assert "janvier 2018" not in page  # no placeholder day


def _search(client, value):
    html = client.get(
        "/en/search/", {"type": "institutions", "agreement_in_force": value}
    ).content.decode()
    slugs = ("lyonbiopole", "weizmann-institute", "oncopole-quebec")
    return {slug for slug in slugs if f"/institutions/{slug}/" in html}


def test_no_institution_is_said_in_force_with_clara_on_a_guess(clara_dataset, client):
    # Lyonbiopôle's plan ran until 2018 (ended by 2019); Weizmann and Oncopole give no end.
    assert _search(client, "true") == set()
    assert _search(client, "false") == {"lyonbiopole"}
    assert _search(client, "unknown") == {"weizmann-institute", "oncopole-quebec"}


@pytest.mark.parametrize(
    ("on", "known", "maybe"),
    [
        (D(2017, 12, 31), True, True),
        (D(2018, 1, 1), True, True),  # "2018" may end on its first day, not before
        (D(2018, 6, 1), False, True),
        (D(2018, 12, 31), False, True),
        (D(2019, 1, 1), False, False),
    ],
)
def test_in_force_reads_an_end_at_its_precision(on, known, maybe):
    agreement = AgreementFactory(
        status="signed", end_date=D(2018, 1, 1), end_precision="year", start_date=None
    )
    assert Agreement.objects.in_force(on).filter(pk=agreement.pk).exists() is known
    assert Agreement.objects.maybe_in_force(on).filter(pk=agreement.pk).exists() is maybe


def test_a_signed_agreement_with_no_end_is_not_known_in_force():
    signed = AgreementFactory(status="signed", start_date=None, end_date=None)
    stated = AgreementFactory(status="in_force", start_date=None, end_date=None)
    announced = AgreementFactory(status="announced", signed_on=None, end_date=D(2030, 1, 1))
    on = D(2026, 1, 1)
    assert set(Agreement.objects.in_force(on)) == {stated}
    assert set(Agreement.objects.maybe_in_force(on)) == {signed, stated, announced}


def test_api_gives_dates_at_their_precision(clara_dataset, client):
    shanghai = client.get("/api/collaborations/clara-international-shanghai/").json()
    assert (shanghai["start_date"], shanghai["start_precision"]) == ("2011", "year")
    assert (shanghai["end_date"], shanghai["end_precision"]) == (None, None)
    crcl = client.get("/api/agreements/crcl-shanghai-cancer-institute-2013/").json()
    assert (crcl["signed_on"], crcl["signed_precision"]) == ("2013", "year")
    symposium = client.get("/api/events/clara-oncopole-symposium-2018/").json()
    assert (symposium["start_date"], symposium["date_precision"]) == ("2018-11", "month")
    meeting = client.get("/api/events/clara-oncopole-matignon-2018/").json()
    assert (meeting["start_date"], meeting["end_date"]) == ("2018-03-08", None)
    undated = client.get("/api/events/franco-chinese-seminar-3/").json()
    assert (undated["start_date"], undated["date_precision"]) == (None, None)
    sources = {source["title"]: source for source in undated["sources"]}
    assert (
        sources["International relations"]["date"],
        sources["International relations"]["date_precision"],
    ) == (None, None)


def test_schema_documents_partial_dates(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    start = schema["components"]["schemas"]["Partnership"]["properties"]["start_date"]
    assert "format" not in start
    assert "YYYY-MM" in start["description"]
    precision = schema["components"]["schemas"]["Agreement"]["properties"]["end_precision"]
    assert precision["nullable"] is True
    assert "year" in precision["pattern"]


def test_no_role_or_organiser_the_documents_do_not_state(clara_dataset):
    spanish = Partnership.objects.get(slug="catalonia-nanomedicine")
    assert not spanish.members.filter(role="coordinator").exists()
    germany = Partnership.objects.get(slug="iarc-dkfz-infectiology")
    assert not germany.members.filter(institution__slug="canceropole-clara").exists()
    assert not germany.members.exclude(role="partner").exists()
    for slug in ["shanghai-rhone-alpes-symposium-2011", "clara-oncopole-matignon-2018"]:
        assert not Event.objects.get(slug=slug).organisers.exists(), slug
    clara = Institution.objects.get(slug="canceropole-clara")
    assert clara.parent is None  # "sous l'égide" is patronage, not a unit
    assert Institution.objects.get(slug="oncopole-quebec").parent is None
    assert Institution.objects.get(slug="iarc").network_role != "regional_member"
    assert not Institution.objects.filter(slug="erdf").exists()


def test_home_and_institution_list_claim_nothing_unstated(clara_dataset, client):
    home = client.get("/fr/").content.decode()
    assert "Afrique" not in home
    listing = client.get("/en/institutions/").content.decode()
    assert "Institutions taking part in CLARA" not in listing


def test_map_counts_partners_not_supporters_nor_clara(clara_dataset):
    from django.utils import translation

    with translation.override("en"):
        partner_map = _partner_map()
    counts = {country.code: country.count for country in partner_map.countries}
    shanghai = Institution.objects.filter(country="CN").exclude(slug="shanghai-municipality")
    assert counts["CN"] == shanghai.count()
    assert "BE" not in counts  # the European Commission supports, it does not take part
    assert counts["FR"] == (
        Institution.objects.filter(
            country="FR",
            memberships__role__in=["partner", "coordinator", "host"],
            memberships__partnership__in=Partnership.objects.international(),
        )
        .exclude(slug="canceropole-clara")
        .distinct()
        .count()
    )


def test_map_counts_international_collaborations_only(clara_dataset):
    from django.utils import translation

    with translation.override("en"):
        partner_map = _partner_map()
    assert "SN" not in partner_map.country_codes  # a delegation came to explore partnerships
    lyon = [point for point in partner_map.points if point.city == "Lyon"]
    assert all("Lyonbiopôle" not in point.label for point in lyon)
    assert Partnership.objects.international().filter(slug="oncopole-quebec").exists()
    assert not Partnership.objects.international().filter(slug="lyonbiopole").exists()


def test_wording_follows_the_documents(clara_dataset):
    assert Institution.objects.get(slug="siric-lyric").name_fr == "SIRIC LYric"
    weizmann = Partnership.objects.get(slug="weizmann-institute")
    assert "alternativement" in weizmann.description_fr
    symposium = Event.objects.get(slug="shanghai-rhone-alpes-symposium-2012")
    assert "prévu à Lyon" in symposium.description_fr
    merck = Institution.objects.get(slug="merck-canada")
    assert "investissement initial" in merck.description_fr
    region = Institution.objects.get(slug="region-auvergne-rhone-alpes")
    assert "En 2012, forte de vingt-cinq ans" in region.description_fr


def test_sources_are_linked_to_no_home_page(clara_dataset):
    # The documents do not give the two CLARA pages' own addresses: no link, not the home page.
    assert not Source.objects.filter(url="https://www.canceropole-clara.com").exists()
    assert Source.objects.get(key="about-us").url == ""


def test_institution_theme_and_team_pages_show_their_sources(clara_dataset, client):
    assert published_without_source() == []
    for url in [
        "/en/institutions/oncopole-quebec/",
        "/en/themes/liver-cancer/",
        "/en/institutions/teams/gao-stem-cell-team/",
    ]:
        html = client.get(url).content.decode()
        assert '<h2 id="sources-' in html, url


def test_the_planned_mobility_is_not_counted_as_months_spent(clara_dataset, client):
    html = client.get("/en/mobility/figures/").content.decode()
    months = html[html.index('id="figure-months"') : html.index('id="figure-planned-months"')]
    planned = html[html.index('id="figure-planned-months"') :]
    assert "3.9" not in months
    assert '<th scope="row">2012</th><td>3.9</td>' in planned
    assert '<th scope="row">Planned</th><td>1</td>' in html


def test_update_corrects_an_agreement_once_loaded_as_signed(clara_dataset, capsys):
    """A database loaded from the earlier dataset had the Québec agreement "signed": `--update`
    corrects it, although no lifecycle move leads from signed back to announced."""
    from django.core.management import call_command

    Agreement.objects.filter(slug="clara-oncopole-quebec-2018").update(
        status="signed", signed_on=D(2018, 3, 8), signed_place="Hôtel de Matignon, Paris"
    )
    capsys.readouterr()
    call_command("load_clara_dataset", "--update")
    out = capsys.readouterr().out
    agreement = Agreement.objects.get(slug="clara-oncopole-quebec-2018")
    assert (agreement.status, agreement.signed_on) == ("announced", None)
    assert agreement.signed_place == ""
    assert "status: 'signed' → 'announced'" in out
    assert agreement.history.first().status == "announced"


def test_people_named_as_the_documents_name_them(clara_dataset, client):
    from people.models import Person

    # "Pr. C. Brambilla", "Dr. P. Mehlen": the page gives initials, not first names.
    assert Person.objects.get(slug="christian-brambilla").first_name == "C."
    assert Person.objects.get(slug="patrick-mehlen").first_name == "P."
    for address in (
        "/fr/collaborations/milan-lung-cancer-biomarkers/",
        "/en/collaborations/lausanne-dependence-receptors/",
    ):
        html = client.get(address).content.decode()
        assert "Christian" not in html, address
        assert "Patrick Mehlen" not in html, address


def test_no_aside_or_guess_in_the_programme_texts(clara_dataset, client):
    milan = client.get("/fr/collaborations/milan-lung-cancer-biomarkers/").content.decode()
    assert "ne nomment pas" not in milan
    lausanne = client.get("/en/collaborations/lausanne-dependence-receptors/").content.decode()
    assert "not named" not in lausanne
    lyonbiopole = Partnership.objects.get(slug="lyonbiopole")
    # "un organe de référence commun, le GTech": not a committee.
    assert "instance de référence qu'ils partagent" in lyonbiopole.description_fr
    assert "committee" not in lyonbiopole.description_en
    assert "accredit" in lyonbiopole.description_en
    # The 7th Scientific Days are CLARA's, "with" the Catalan clusters.
    days = Event.objects.get(slug="clara-scientific-days-7")
    assert [o.slug for o in days.organisers.all()] == ["canceropole-clara"]


def test_english_pages_show_no_french_in_the_sources(clara_dataset, client):
    html = client.get("/en/collaborations/oncopole-quebec/").content.decode()
    assert "communiqué de presse" not in html
    assert "(in French)" in html


def test_no_part_role_or_subject_the_pages_do_not_give(clara_dataset):
    """The international page lists Nano2Life and CONTICANET as programmes the European
    Community supports (not CLARA's), and names the sarcoma networks, not their subjects."""
    from partnerships.models import Partnership
    from themes.models import ResearchTheme

    for slug in ["nano2life", "conticanet"]:
        members = Partnership.objects.get(slug=slug).members.values_list(
            "institution__slug", "role"
        )
        assert list(members) == [("european-commission", "supporter")], slug
    sarcoma = ResearchTheme.objects.get(slug="sarcoma")
    assert "CONTICANET" not in sarcoma.description_en + sarcoma.description_fr
    senegal = Partnership.objects.get(slug="senegal-delegation")
    assert not senegal.themes.exists()  # the French healthcare system as a whole


def test_no_detail_the_quebec_release_does_not_give(clara_dataset):
    """The release gives "15 M$" (no currency named), no kind of company, no status of the
    fund, and says the first researcher joins Prof Gao's team, not where from."""
    from institutions.models import Institution
    from mobility.models import MobilityExchange

    texts = " ".join(
        getattr(institution, field)
        for institution in Institution.objects.filter(
            slug__in=["merck-canada", "frqs", "oncopole-quebec"]
        )
        for field in ("description_fr", "description_en")
    )
    for word in ["CAD", "harmaceutical", "pharmaceutique", "public", "Public"]:
        assert word not in texts, word
    first = MobilityExchange.objects.get(partnership__slug="clara-international-shanghai")
    assert "Rhône-Alpes" not in first.description_fr + first.description_en
