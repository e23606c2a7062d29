"""CORDIS import speed: the shared CORDIS files (../shared/cordis, 7,574 projects and 31,867
participations) imported, then imported again (which must write nothing).

    DATABASE_URL=postgres://… .venv/bin/python scripts/bench/cordis.py [--path ../shared/cordis]

Run by scripts/bench/run.py (`--only cordis` for this step alone) against the bench database,
or by hand against any migrated database. Both imports run as `import_cordis` runs them
(matching new organisations against the directory), the first on a database emptied of EU
projects, inside a transaction rolled back at the end: the database is left as it was.
Prints one JSON line.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout (a worktree's one level further up), or BENCH_SHARED.
SHARED = next(
    (
        folder / "cordis"
        for folder in (
            Path(os.environ.get("BENCH_SHARED", ROOT.parent / "shared")),
            ROOT.parents[1] / "shared",
        )
        if (folder / "cordis").is_dir()
    ),
    ROOT.parent / "shared" / "cordis",
)
TARGET_SECONDS = 60


class Rollback(Exception):
    """Leaves the bench database as it was."""


class Writes:
    """Counts the writing statements sent while it wraps the connection."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.count += 1
        return execute(sql, params, many, context)


def _timed(path: Path) -> tuple[float, float, object, int]:
    """One import: wall and CPU seconds, its report, and the number of writing statements."""
    from django.db import connection

    from euprojects.services import import_cordis

    writes = Writes()
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(writes):
        report = import_cordis(path)
    return time.perf_counter() - started, time.process_time() - cpu, report, writes.count


def measure(path: Path) -> dict:
    from django.db import connection, transaction

    from euprojects.models import OrganisationMatch, Participation, Project

    outcome = {"path": str(path), "vendor": connection.vendor, "target_seconds": TARGET_SECONDS}
    try:
        with transaction.atomic():
            # A first import, whatever the database holds (all rolled back at the end).
            for model in (Participation, OrganisationMatch, Project):
                model.objects.all().delete()
            for label in ("first", "again"):
                seconds, cpu, report, writes = _timed(path)
                outcome[label] = {
                    "seconds": round(seconds, 2),
                    "cpu_seconds": round(cpu, 2),  # this process's own: the machine is shared
                    "report": str(report),
                    "writes": writes,
                }
            raise Rollback
    except Rollback:
        pass
    outcome["met"] = (
        outcome["first"]["seconds"] <= TARGET_SECONDS and outcome["again"]["writes"] == 0
    )
    return outcome


def report(outcome: dict | None) -> list[str]:
    """The section of docs/performance.md."""
    if not outcome:
        return []
    met = "yes" if outcome["met"] else "**no**"
    lines = [
        "## CORDIS import",
        "",
        "The shared CORDIS files (7,574 H2020 projects, 31,867 participations; "
        f"scripts/bench/cordis.py) imported on {outcome['vendor']}, then imported again, in one "
        "process, each organisation new to the directory matched by the affiliation resolver; "
        f"rolled back afterwards. Target: ≤ {outcome['target_seconds']} s, and the second "
        f"import writes nothing (issue 23). Met: {met}.",
        "",
        "| import | seconds | CPU seconds (this process) | writing statements | report |",
        "|---|---:|---:|---:|---|",
    ]
    for label in ("first", "again"):
        step = outcome[label]
        lines.append(
            f"| {label} | {step['seconds']:.1f} | {step['cpu_seconds']:.1f} "
            f"| {step['writes']} | {step['report']} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", default=str(SHARED))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.dev")
    import django

    django.setup()
    print(json.dumps(measure(Path(args.path))))


if __name__ == "__main__":
    main()
