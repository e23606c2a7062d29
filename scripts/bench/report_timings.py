"""Report timings: a yearly report's figures, its edition as XLSX, a frozen edition opened.

    DATABASE_URL=postgres://… .venv/bin/python scripts/bench/report_timings.py [--year 2020]

Run by scripts/bench/run.py (`--only reports` for this step alone) against the full-scale
database, or by hand against any database (a small one answers in a moment: the step checks
itself there). As an Editor would: the report page's figures for a calendar year (every
section, no filter), an edition of "Région — bilan annuel" generated for it, its XLSX, then
the edition's page opened (read from its frozen figures). Each is timed and its queries
counted; everything is rolled back at the end. Prints one JSON line.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"report": 2.0, "xlsx": 5.0, "edition": 0.2}  # seconds (issue 23)
RUNS = 3


class Rollback(Exception):
    """Leaves the bench database as it was."""


def _timed(function, runs: int = RUNS) -> tuple[float, int, object]:
    """The median of `runs` runs (seconds), the queries of the last, its result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = function()
            seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), len(queries), result


def _editor():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from backoffice.roles import EDITOR

    user, _ = get_user_model().objects.get_or_create(
        username="bench-reports", defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=EDITOR))
    return get_user_model().objects.get(pk=user.pk)  # its permissions afresh


def measure(year: int) -> dict:
    from django.db import connection, transaction
    from django.test import Client

    from mobility.models import MobilityExchange
    from reports.exports import edition_xlsx
    from reports.models import ReportDefinition, Section
    from reports.seeds import seed_definitions
    from reports.selectors import Filters, Period, compute
    from reports.services import generate_edition
    from reports.views import edition_context

    outcome = {"year": year, "vendor": connection.vendor, "targets": TARGETS}
    outcome["mobilities"] = MobilityExchange.objects.count()
    try:
        with transaction.atomic():
            seed_definitions()
            user = _editor()
            period = Period.calendar_year(year)
            seconds, queries, figures = _timed(
                lambda: compute(list(Section.values), period, Filters(), user)
            )
            outcome["report"] = {"seconds": seconds, "queries": queries}
            definition = ReportDefinition.objects.get(slug="region-bilan-annuel")
            edition = generate_edition(definition=definition, period=period, user=user)

            def workbook():
                context = edition_context(edition, row_limit=None)
                return edition_xlsx(
                    title=context["report_title"], lines=context["lines"], figures=edition.figures
                )

            seconds, queries, content = _timed(workbook)
            outcome["xlsx"] = {"seconds": seconds, "queries": queries, "bytes": len(content)}
            client = Client(HTTP_ACCEPT_LANGUAGE="fr", HTTP_HOST="localhost")
            client.force_login(user)
            url = f"/backoffice/reports/editions/{edition.pk}/"
            client.get(url)  # the first request warms the templates
            seconds, queries, response = _timed(lambda: client.get(url), runs=5)
            outcome["edition"] = {
                "seconds": seconds,
                "queries": queries,
                "status": response.status_code,
                "bytes": len(response.content),
            }
            outcome["rows"] = {key: len(rows) for key, rows in figures["tables"].items()}
            raise Rollback
    except Rollback:
        pass
    for step, limit in TARGETS.items():
        outcome[step]["met"] = outcome[step]["seconds"] <= limit
    outcome["edition"]["met"] &= outcome["edition"]["status"] == 200
    return outcome


def report(outcome: dict | None) -> list[str]:
    """The section of docs/performance.md."""
    if not outcome:
        return []
    labels = {
        "report": "yearly report: every figure, counted by the database",
        "xlsx": "its edition as XLSX (one sheet per section, native charts)",
        "edition": "a frozen edition's page, opened",
    }
    lines = [
        "## Reports",
        "",
        f"The reports of {outcome['year']} (`scripts/bench/report_timings.py`) on "
        f"{outcome['mobilities']:,} mobilities ({outcome['vendor']}), as an Editor; median of "
        "a few runs, in one process.",
        "",
        "| step | time | target | queries | met |",
        "|---|---|---|---|---|",
    ]
    for step, label in labels.items():
        found = outcome[step]
        lines.append(
            f"| {label} | {found['seconds'] * 1000:,.0f} ms | ≤ {TARGETS[step] * 1000:,.0f} ms "
            f"| {found['queries']} | {'yes' if found['met'] else 'no'} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2020)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.prod")
    import django

    django.setup()
    print(json.dumps(measure(args.year)))


if __name__ == "__main__":
    main()
