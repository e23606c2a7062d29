"""French typography and collation on every surface the site outputs in French, and English
pages free of French: one helper (core.typography) at each output boundary, one collation
(core.collation) for lists sorted by name."""

import csv
import datetime
import io
import json
import re

import pytest
from django.utils import timezone

from core.collation import sort_key
from core.typography import NNBSP
from tests import factories as f

WEIZMANN_FR = "Coopération avec l’Institut Weizmann"
# Straight apostrophes between letters, and an ordinary space before a French mark.
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
SPACE_BEFORE_MARK = re.compile(r"(?<=\w) [:;?!](?=\s|$)")
# French words that must not reach an English page (sort labels, headings, fillers).
FRENCH_WORDS = ("décroissant", "Aucun", "Aucune", "Nom (", "Date de début", "Rechercher", "Thèmes")


def visible_text(html: str) -> str:
    """The text of a page as read: no tags, scripts, styles or form values."""
    html = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").replace("&nbsp;", "\u00a0")


def assert_french_typography(text: str) -> None:
    assert not STRAIGHT_APOSTROPHE.findall(text), STRAIGHT_APOSTROPHE.findall(text)[:3]
    found = [text[max(0, m.start() - 30) : m.end()] for m in SPACE_BEFORE_MARK.finditer(text)]
    assert not found, found[:3]


def test_a_french_page_sets_names_titles_and_labels(client, clara_dataset):
    html = client.get("/fr/collaborations/weizmann-institute/").content.decode()
    assert f"<h1>{WEIZMANN_FR}</h1>" in html
    assert f"<title>{WEIZMANN_FR}" in html
    assert_french_typography(visible_text(html))
    # The catalogue's labels too, whatever the template wrote.
    assert f"Parties{NNBSP}:" in html
    # The description shown by search engines and link previews, with no filter in the template.
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description
    assert description == re.search(
        r'<meta property="og:description" content="([^"]*)"', html
    ).group(1)
    assert_french_typography(description.replace("&#x27;", "'"))


def test_form_values_and_addresses_are_left_as_stored(admin_client, clara_dataset):
    from partnerships.models import Partnership

    partnership = Partnership.objects.get(slug="weizmann-institute")
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = admin_client.get(f"/admin/partnerships/partnership/{partnership.pk}/change/").content
    html = html.decode()
    # The value sent back on saving is the stored one (a straight apostrophe).
    assert 'value="Coopération avec l&#x27;Institut Weizmann"' in html
    # The page's own text is set.
    assert f"Modification de la collaboration{NNBSP}" in html or "’" in html


def test_the_french_search_csv_is_set(client, clara_dataset):
    response = client.get("/fr/search/export.csv", {"q": "weizmann", "type": "collaborations"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert WEIZMANN_FR in [row["collaboration"] for row in rows]
    for row in rows:
        assert_french_typography(row["collaboration"] + " " + row["summary"])
        assert row["url"].startswith("http://testserver/fr/")


def test_the_french_admin_export_is_set_and_imports_back_unchanged(admin_client, clara_dataset):
    from adminkit.spreadsheets import _imported
    from partnerships.models import Agreement

    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    response = admin_client.post(
        "/admin/partnerships/agreement/export/",
        {"format": "0", "resource": "0", "agreementresource_title_fr": "on"},
    )
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    plan = "Plan de collaboration Lyonbiopôle – CLARA (jusqu’en 2018)"
    assert plan in content
    assert "jusqu'en" not in content
    # What an import reads back is what staff type, as stored.
    stored = Agreement.objects.get(title_fr__startswith="Plan de collaboration").title_fr
    assert _imported(plan) == stored


def test_json_ld_in_french_is_set_and_keeps_its_addresses(client, clara_dataset):
    html = client.get("/fr/events/senegalese-delegation-visit/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["name"] == "Visite d’une délégation sénégalaise"
    assert "’" in data["description"]
    assert data["url"] == "http://testserver/fr/events/senegalese-delegation-visit/"
    english = client.get("/en/events/senegalese-delegation-visit/").content.decode()
    assert '"name": "Visit of a Senegalese delegation"' in english


def test_the_ical_feed_in_french_is_set(client, db):
    day = timezone.localdate() + datetime.timedelta(days=10)
    f.EventFactory(
        title_fr="Rencontre d'automne : l'oncologie",
        title_en="Autumn meeting: oncology",
        description_fr="Programme : à venir !",
        start_date=day,
        end_date=day,
    )
    french = client.get("/calendar/events.ics", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    unfolded = french.replace("\r\n ", "")
    assert f"SUMMARY:Rencontre d’automne{NNBSP}: l’oncologie" in unfolded
    assert f"Programme{NNBSP}: à venir{NNBSP}!" in unfolded
    english = client.get("/calendar/events.ics", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "SUMMARY:Autumn meeting: oncology" in english.replace("\r\n ", "")


def test_the_mobility_chart_writes_french_numbers(client, clara_dataset):
    # The 2012 exchange planned for about four months: 3.9 of them.
    french = client.get("/fr/mobility/figures/").content.decode()
    values = re.findall(r'class="bar-value">([^<]+)<', french)
    assert any("," in value for value in values), values
    assert not any(re.search(r"\d\.\d", value) for value in values), values
    english = client.get("/en/mobility/figures/").content.decode()
    values = re.findall(r'class="bar-value">([^<]+)<', english)
    assert any(re.search(r"\d\.\d", value) for value in values), values


def test_french_dates_write_the_first_of_the_month_and_ranges(client, db):
    f.EventFactory(
        slug="premier",
        title_fr="Journée",
        start_date=datetime.date(2018, 3, 1),
        end_date=datetime.date(2018, 3, 1),
    )
    f.EventFactory(
        slug="trois-jours",
        title_fr="Symposium",
        start_date=datetime.date(2011, 7, 4),
        end_date=datetime.date(2011, 7, 6),
    )
    assert "1er mars 2018" in client.get("/fr/events/premier/").content.decode()
    assert "du 4 au 6 juillet 2011" in client.get("/fr/events/trois-jours/").content.decode()
    assert "1 March 2018" in client.get("/en/events/premier/").content.decode()


def test_french_lists_sort_as_french_readers_do(client, clara_dataset):
    html = client.get("/fr/themes/").content.decode()
    names = re.findall(r'<li><a href="/fr/themes/[^"]+/">([^<]+)</a></li>', html)
    epidemiology = next(i for i, n in enumerate(names) if n.startswith("Épidémiologie"))
    assert names[epidemiology - 1] < "E" < names[epidemiology + 1], names
    assert names == sorted(names, key=sort_key)
    collaborations = client.get("/fr/collaborations/").content.decode()
    assert collaborations.index("Clusters espagnols") < collaborations.index("CONTICANET")


def test_english_pages_sort_by_english_names_and_show_no_french(client, clara_dataset):
    from themes.models import ResearchTheme

    html = client.get("/en/themes/").content.decode()
    shown = re.findall(r'<li><a href="/en/themes/[^"]+/">([^<]+)</a></li>', html)
    assert shown
    english_names = [t.name_en for t in ResearchTheme.objects.all() if t.name_en]
    assert shown == sorted(shown, key=sort_key)
    assert set(shown) <= {name.replace("'", "&#x27;") for name in english_names}
    for address in ("/en/collaborations/", "/en/themes/", "/en/events/", "/en/"):
        text = visible_text(client.get(address).content.decode())
        for word in FRENCH_WORDS:
            assert word not in text, (address, word)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_permission_names_follow_the_admin_language(admin_client, language):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    html = admin_client.get("/admin/auth/group/add/").content.decode()
    if language == "fr":
        assert "Peut ajouter" in html
        assert "Can add" not in html
    else:
        assert "Can add" in html


def test_the_api_sets_its_french_fields_only(client, clara_dataset):
    body = client.get("/api/collaborations/weizmann-institute/").json()
    assert body["name_fr"] == WEIZMANN_FR
    assert body["name_en"] == "Cooperation with the Weizmann Institute"
    assert_french_typography(body["summary_fr"] + " " + body["description_fr"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_nauru_is_named_in_the_page_language_not_by_its_own_name(language):
    from django.utils import translation
    from django_countries import countries

    with translation.override(language):
        assert countries.name("NR") == "Nauru"
