"""Page benchmark: query counts and response times with little and with much data.

    .venv/bin/python scripts/bench_pages.py [--sizes 20 2000] [--repeat 5]

Builds a throwaway test database (SQLite, or PostgreSQL when DATABASE_URL is set), loads the
CLARA dataset, adds generated partnerships, institutions, teams, agreements, mobilities and
events, then requests each page. Query counts must stay flat as the data grows; times are
indicative only (this is a benchmark, not a test).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

PAGES = [
    "/fr/",
    "/fr/map/",
    "/fr/search/?q=cancer",
    "/fr/mobility/figures/",
    "/calendar/events.ics",
    "/api/institutions/?q=cancer",
    "/en/collaborations/",
    "/fr/collaborations/clara-international-shanghai/",
    "/fr/institutions/",
    "/fr/institutions/shanghai-cancer-institute/",
    "/fr/themes/liver-cancer/",
    "/fr/events/",
]


def grow(total: int) -> None:
    """Add generated records until there are about `total` of each."""
    from partnerships.models import Partnership
    from tests import factories as f
    from themes.models import ResearchTheme

    theme = ResearchTheme.objects.get(slug="liver-cancer")
    for _ in range(max(0, total - Partnership.objects.count())):
        partnership = f.PartnershipFactory()
        partnership.themes.add(theme)
        institution = f.InstitutionFactory()
        f.PartnershipMemberFactory(partnership=partnership, institution=institution)
        team = f.TeamFactory(institution=institution)
        team.themes.add(theme)
        agreement = f.AgreementFactory(partnership=partnership)
        f.AgreementPartyFactory(agreement=agreement, institution=institution)
        f.MobilityExchangeFactory(partnership=partnership, host_institution=institution)
        f.EventFactory(partnership=partnership)


def measure(client: Client, url: str, repeat: int) -> tuple[int, int, float]:
    timings, queries, status = [], 0, 0
    for _ in range(repeat):
        reset_queries()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        queries, status = len(connection.queries), response.status_code
    return status, queries, statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 2000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()

    from django.conf import settings

    settings.DEBUG = True  # records the queries
    old = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("load_clara_dataset", verbosity=0)
        client = Client(HTTP_HOST="127.0.0.1")
        print(f"database: {connection.vendor}")
        print(f"{'rows':>6}  {'status':>6}  {'queries':>7}  {'median ms':>9}  page")
        for size in args.sizes:
            grow(size)
            for url in args.pages:
                status, queries, ms = measure(client, url, args.repeat)
                print(f"{size:>6}  {status:>6}  {queries:>7}  {ms:>9.1f}  {url}")
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
