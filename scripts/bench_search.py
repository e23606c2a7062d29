"""Search benchmark: page and API timings, query counts, sizes and plans on an existing database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clara_scale_copy \\
        .venv/bin/python scripts/bench_search.py [--repeat 20] [--explain]

Run it against a copy of the full-scale database (`manage.py generate_synthetic_data`, then
`migrate`): it never writes. For each benchmark query it requests the search page and the API
through Django's test client (no server, no cache) and prints p50/p95 in milliseconds, the
number of SQL queries, the response size and the slowest query's time; `--explain` also prints
EXPLAIN ANALYZE of the candidate query (the one that grows with the data; it must use the GIN
indexes or stop early on its LIMIT).
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

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

QUERIES = [
    "q=cancer",
    "q=hepatocarcinome",
    "q=Weizman",
    "q=stem+cells&country=CN",
    # Through the thesaurus: an abbreviation, a broader term, a typo, a country alone.
    "q=CHC",
    "q=liver+cancer",
    "q=hepatocarcinom",
    "q=Chine",
]
URLS = [
    *(f"/fr/search/?{q}" for q in QUERIES),
    *(f"/fr/search/?type=institutions&{q}" for q in QUERIES),
    "/fr/search/?type=collaborations&q=cancer",
    "/fr/search/",
    *(f"/api/institutions/?{q}" for q in QUERIES),
    *(f"/api/teams/?{q}" for q in QUERIES),
    "/api/institutions/",
    "/api/institutions/?page=500",
    "/fr/search/suggest/leader/?leader=dupo",
]


def run(client: Client, url: str, repeat: int) -> None:
    timings, slowest = [], 0.0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        slowest = max([slowest, *(float(q["time"]) * 1000 for q in queries.captured_queries)])
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"{url:48} {response.status_code} p50 {statistics.median(timings):7.1f} ms"
        f"  p95 {p95:7.1f} ms  {len(queries.captured_queries):2d} queries"
        f"  {len(response.content) / 1024:6.1f} KB  slowest SQL {slowest:6.1f} ms"
    )


def explain(client: Client, url: str) -> None:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    candidate = max(queries.captured_queries, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {candidate['sql']}")
        print(f"\n{url}\n" + "\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print(f"{connection.vendor}, SEARCH_CANDIDATES={settings.SEARCH_CANDIDATES}")
    for url in URLS:
        client.get(url)  # warm
        run(client, url, args.repeat)
    if args.explain and connection.vendor == "postgresql":
        for url in URLS[:4]:
            explain(client, url)


if __name__ == "__main__":
    main()
