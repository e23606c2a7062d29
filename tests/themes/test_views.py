import re

import pytest

from tests.factories import ResearchThemeFactory, TeamFactory
from themes import views

pytestmark = pytest.mark.django_db


def team_names(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'data-team-name="([^"]+)"', html) or re.findall(
        r'<a href="/en/institutions/teams/[^"]+/">([^<]+)</a>', html
    )


@pytest.mark.parametrize("read_first", [True, False])
def test_a_themes_teams_are_listed_by_name_page_by_page_however_they_are_read(
    client, monkeypatch, read_first
):
    """A small theme's teams are read by key, then sorted; a big one's along the name index:
    the same pages either way."""
    theme = ResearchThemeFactory()
    for name in ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]:
        TeamFactory(name_en=name, name_fr=name).themes.add(theme)
    TeamFactory(name_en="Other", name_fr="Other")  # not on this theme
    monkeypatch.setattr(views, "TEAMS_PER_PAGE", 2)
    monkeypatch.setattr(views, "SORTED_AFTER_READING", 10 if read_first else 2)
    url = theme.get_absolute_url().replace("/fr/", "/en/")
    pages = [team_names(client, f"{url}?page={n}") for n in (1, 2, 3)]
    assert pages == [["Alpha", "Bravo"], ["Charlie", "Delta"], ["Echo"]]
    assert client.get(f"{url}?page=4").status_code == 404
