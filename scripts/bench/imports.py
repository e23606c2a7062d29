"""Import speed: a 20,000-row mobility file as French Excel writes it, previewed then imported.

    DATABASE_URL=postgres://… .venv/bin/python scripts/bench/imports.py [--rows 20000]

Run by scripts/bench/run.py (`--only imports` for this step alone) against the bench database,
or by hand against any database holding mobilities. The file is made from the database's own
mobilities, exported by the back-office's resource: half of the rows are existing records
(found by their id, one value changed: updates), the other half the same records a year later
without an id (new rows, found by nothing). It is written with `;`, in Windows-1252, dates as
dd/mm/yyyy (ISO where the day and month could be swapped, as the import refuses those). The
preview (dry run) and the confirmed import (with history) run as the back-office runs them; the
confirmed import is rolled back at the end: the database is left as it was. Prints one JSON line.
"""

import argparse
import csv
import datetime
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_ROWS_PER_SECOND = 2_000
DATES = ("planned_start", "planned_end", "actual_start", "actual_end")


class Rollback(Exception):
    """Leaves the bench database as it was after the confirmed import."""


def french_date(text: str, shift: datetime.timedelta | None = None) -> str:
    if not text:
        return ""
    day = datetime.date.fromisoformat(text)
    if shift:
        day += shift
        day = day.replace(day=max(day.day, 13)) if day.day < 13 else day  # never ambiguous
    if day.day <= 12 and day.day != day.month:
        return day.isoformat()  # 01/03 could be read both ways: the import would refuse it
    return day.strftime("%d/%m/%Y")


def mobility_file(rows: int) -> bytes:
    """`rows` rows from the database's mobilities, as a French spreadsheet saves them."""
    from mobility.models import MobilityExchange
    from mobility.resources import MobilityExchangeResource

    half = rows // 2
    queryset = MobilityExchange.objects.order_by("pk")[:half]
    exported = MobilityExchangeResource().export(queryset=queryset)
    headers = [h for h in exported.headers if not h.endswith("_label")]
    records = [dict(zip(exported.headers, values, strict=True)) for values in exported]
    if not records:
        raise SystemExit("no mobility to export: build the bench database first")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    year = datetime.timedelta(days=371)
    written = 0
    while written < rows:
        for record in records:
            if written >= rows:
                break
            new = written >= half
            cells = []
            for header in headers:
                value = record[header]
                if header in DATES:
                    value = french_date(
                        value, year * (1 + written // len(records)) if new else None
                    )
                elif header == "id" and new:
                    value = ""
                elif header == "description_fr" and not new:
                    value = f"{value} (révisé)"
                cells.append("" if value is None else value)
            writer.writerow(cells)
            written += 1
    return out.getvalue().encode("cp1252", errors="replace")


def import_file(content: bytes, *, dry_run: bool, user) -> tuple[float, float, object]:
    """The file through the admin's format and resource, as a preview or the confirmed import."""
    from django.contrib import admin

    from mobility.models import MobilityExchange

    model_admin = admin.site.get_model_admin(MobilityExchange)
    input_format = model_admin.get_import_formats()[0]()  # CSV
    resource = model_admin.get_import_resource_classes(None)[0](user=user)
    started, cpu = time.perf_counter(), time.process_time()
    result = resource.import_data(
        input_format.create_dataset(content),
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        collect_failed_rows=True,
        rollback_on_validation_errors=True,
        file_name="bench.csv",
        user=user,
        retain_instance_in_row_result=not dry_run,
    )
    return time.perf_counter() - started, time.process_time() - cpu, result


def measure(rows: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    user, _ = get_user_model().objects.get_or_create(
        username="bench-imports", defaults={"is_staff": True, "is_superuser": True}
    )
    content = mobility_file(rows)
    outcome = {
        "rows": rows,
        "bytes": len(content),
        "vendor": connection.vendor,
        "target_rows_per_second": TARGET_ROWS_PER_SECOND,
    }
    for label, dry_run in (("preview", True), ("confirm", False)):
        try:
            with transaction.atomic():
                seconds, cpu, result = import_file(content, dry_run=dry_run, user=user)
                raise Rollback
        except Rollback:
            pass
        errors = list(getattr(result, "messages", []) or [])
        outcome[label] = {
            "seconds": round(seconds, 2),
            "rows_per_second": round(rows / seconds),
            "cpu_seconds": round(cpu, 2),  # this process's own: the machine may be shared
            "totals": dict(result.totals),
            "errors": errors[:5],
            "met": not errors and rows / seconds >= TARGET_ROWS_PER_SECOND,
        }
    return outcome


def report(outcome: dict | None) -> list[str]:
    """The section of docs/performance.md."""
    if not outcome:
        return []
    lines = [
        "## Spreadsheet imports",
        "",
        f"A {outcome['rows']:,}-row mobility file ({outcome['bytes'] / 1024:,.0f} KB) as French "
        "Excel saves it (`;`, Windows-1252, dd/mm/yyyy), made from the full-scale database's "
        "mobilities by scripts/bench/imports.py: half existing records (by id, one value "
        "changed), half new ones. Preview (dry run) and confirmed import (with history, rolled "
        f"back afterwards) on {outcome['vendor']}, in one process, as the back-office runs "
        f"them. Target: ≥ {outcome['target_rows_per_second']:,} rows/s (issue 27).",
        "",
        "| step | seconds | rows/s | CPU seconds (this process) "
        "| new / updated / skipped / invalid | target met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for label in ("preview", "confirm"):
        step = outcome[label]
        totals = step["totals"]
        counts = " / ".join(str(totals.get(key, 0)) for key in ("new", "update", "skip", "invalid"))
        met = "yes" if step["met"] else "**no**"
        if step["errors"]:
            met += f" (errors: {'; '.join(step['errors'])[:200]})"
        lines.append(
            f"| {label} | {step['seconds']:.1f} | {step['rows_per_second']:,} "
            f"| {step['cpu_seconds']:.1f} | {counts} | {met} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--profile", help="Write a pyinstrument HTML profile of both steps here.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.dev")
    import django

    django.setup()
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        outcome = measure(args.rows)
        profiler.stop()
        Path(args.profile).write_text(profiler.output_html())
        print(profiler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
    else:
        outcome = measure(args.rows)
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
