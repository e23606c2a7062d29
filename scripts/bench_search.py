"""Search benchmark: timings and query plans with many generated partners.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clara_bench \\
        .venv/bin/python scripts/bench_search.py [--rows 20000] [--repeat 5]

Builds a throwaway test database, loads the CLARA dataset, adds `--rows` generated institutions
and teams, then times the partner search for a few queries and prints PostgreSQL's plan for the
full-text and trigram lookups (they must use the GIN indexes). On SQLite it prints timings only.
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

from django.contrib.postgres.search import SearchQuery  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from core.text import folded  # noqa: E402
from institutions.models import Institution, Team  # noqa: E402
from search import selectors  # noqa: E402
from search.documents import document  # noqa: E402

WORDS = [
    "oncologie",
    "immunothérapie",
    "génomique",
    "imagerie",
    "radiothérapie",
    "biomarqueurs",
    "métastases",
    "lymphome",
    "sarcome",
    "pancréas",
    "sein",
    "prostate",
    "leucémie",
]
QUERIES = ["hépatocarcinome", "liver cancer", "Weizman", "immunotherapie", "stem cells"]


def generate(rows: int) -> None:
    institutions = [
        Institution(
            slug=f"bench-institution-{i}",
            name_fr=f"Institut {WORDS[i % len(WORDS)]} {i}",
            name_en=f"Institute {i}",
            country="DE" if i % 2 else "US",
            city_fr="Ville",
            description_fr=" ".join(WORDS[(i + k) % len(WORDS)] for k in range(12)),
        )
        for i in range(rows)
    ]
    Institution.objects.bulk_create(institutions, batch_size=2000)
    created = Institution.objects.filter(slug__startswith="bench-institution-").only("pk")
    Team.objects.bulk_create(
        (
            Team(
                slug=f"bench-team-{i}",
                name_fr=f"Équipe {WORDS[i % len(WORDS)]} {i}",
                name_en=f"Team {i}",
                institution=institution,
                description_fr=" ".join(WORDS[(i * 3 + k) % len(WORDS)] for k in range(20)),
            )
            for i, institution in enumerate(created)
        ),
        batch_size=2000,
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def time_search(kind: str, query: str, repeat: int) -> tuple[float, int]:
    timings, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        results = selectors.search(kind=kind, params=QueryDict(f"q={query}")).results
        first_page = list(results[:20])
        count = len(first_page)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("load_clara_dataset", verbosity=0)
        started = time.perf_counter()
        generate(args.rows)
        print(
            f"{connection.vendor}: {Institution.objects.count()} institutions, "
            f"{Team.objects.count()} teams (generated in {time.perf_counter() - started:.1f}s)"
        )
        for kind in ("institutions", "teams"):
            for query in QUERIES:
                ms, count = time_search(kind, query, args.repeat)
                print(f"{kind:>12}  {query!r:>20}  {ms:8.1f} ms median  ({count} on page 1)")
        if connection.vendor == "postgresql":
            print("\nPlan, full text:")
            print(
                Institution.objects.annotate(doc=document("institutions_institution", "fr"))
                .filter(doc=SearchQuery("hepatocarcinome", config="french"))
                .explain()
            )
            print("\nPlan, typo (trigram):")
            print(
                Institution.objects.annotate(n=folded("name_en"))
                .filter(n__trigram_word_similar="weizman")
                .explain()
            )
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
