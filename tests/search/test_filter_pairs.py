"""Every pair of the partner search's filters (the page and the API, teams and institutions)
runs the same queries at two data sizes: no filter combination reads the data row by row."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from institutions.models import Institution, Team
from partnerships.models import Partnership
from search.filters import InstitutionFilterSet, TeamFilterSet
from themes.models import ResearchTheme

pytestmark = pytest.mark.django_db

# Every filter of the search form (a new one joins the pairs by itself), and the keywords.
FILTERS = {
    "teams": ["q", *TeamFilterSet.base_filters],
    "institutions": ["q", *InstitutionFilterSet.base_filters],
}
URLS = {
    "teams": ["/en/search/?type=teams", "/api/teams/?"],
    "institutions": ["/en/search/?type=institutions", "/api/institutions/?"],
}


def filter_values() -> dict[str, str]:
    """Values found in the smaller data set: every filter selects something at both sizes."""
    # One institution's values (its team's leader and theme, its ROR type): pairs select it.
    teams = Team.objects.filter(leader__is_public=True, themes__isnull=False).order_by("pk")
    team = teams.exclude(institution__ror_types="").first() or teams.first()
    institution = team.institution
    with_ror = (
        institution
        if institution.ror_types
        else Institution.objects.exclude(ror_id="").exclude(ror_types="").order_by("pk").first()
    )
    collaboration = (
        Partnership.objects.public().filter(members__institution=institution).first()
        or Partnership.objects.public().filter(members__isnull=False).order_by("pk").first()
    )
    return {
        "q": "cancer",
        "country": institution.country,
        "city": (institution.city_en or institution.city_fr)[:4],
        "kind": institution.kind,
        "theme": ResearchTheme.objects.filter(teams=team).order_by("pk").first().slug,
        "collaboration": collaboration.slug,
        "agreement_in_force": "true",
        "eu_projects": "shared",
        "members": "partners",
        "leader": team.leader.slug,
        "directory": "all",
        "ror_id": with_ror.ror_id,
        "ror_type": with_ror.ror_types.split(",")[0].strip(),
    }


def requests(values: dict[str, str]) -> list[str]:
    found = []
    for kind, names in FILTERS.items():
        for first, second in itertools.combinations(names, 2):
            query = f"{first}={values[first]}&{second}={values[second]}"
            found += [f"{url}&{query}" for url in URLS[kind]]
    return found


def queries(client, url: str) -> int:
    cache.clear()  # a first visitor's work
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:500])
    return len(captured)


def test_every_pair_of_filters_runs_the_same_queries_at_two_sizes(client, synthetic_data):
    synthetic_data(scale=0.001)
    urls = requests(filter_values())
    queries(client, urls[0])  # per-process caches (content types, translations)
    small = {url: queries(client, url) for url in urls}
    synthetic_data(scale=0.003, seed=2)
    large = {url: queries(client, url) for url in urls}
    grown = {url: (small[url], large[url]) for url in urls if small[url] != large[url]}
    assert not grown
