"""`make bench`, the affiliation resolver's step: eval_affiliations at full size (issue #25).

    .venv/bin/python scripts/bench/affiliations.py [--output docs/performance.md]

1. Builds once, then reuses, the PostgreSQL database `clara_bench_affiliations`: migrated, with
   the shared ROR directory imported by the project's own command (import_ror).
2. Runs eval_affiliations on the shared S2AFF gold file, each in its own process (its own peak
   memory): the tuning half (split `train`), the held-out half (`val`), then the whole file.
3. Writes the figures into docs/performance.md, between its own markers (after run.py, which
   writes the rest of the file).
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DATABASE = "clara_bench_affiliations"
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SHARED = Path(os.environ.get("BENCH_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "affiliations" / "s2aff-gold-train-val.csv"
ROR = SHARED / "ror" / "ror-records-v2.json.gz"
START, END = "<!-- affiliations: begin -->", "<!-- affiliations: end -->"


def env() -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
    }


def manage(*args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env(),
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


def database_ready() -> bool:
    """The database exists and holds the directory."""
    query = "SELECT count(*) FROM institutions_institution WHERE ror_id <> ''"
    result = subprocess.run(
        ["psql", f"{SERVER}/{DATABASE}", "-Atc", query], capture_output=True, text=True
    )
    return result.returncode == 0 and result.stdout.strip().isdigit() and int(result.stdout) > 0


def build() -> None:
    if database_ready():
        return
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {DATABASE}"])
    manage("migrate", "-v0")
    manage("import_ror", str(ROR))


def evaluate(split: str) -> dict[str, str]:
    args = ["eval_affiliations", str(GOLD)] + (["--split", split] if split else [])
    output = manage(*args, capture=True)
    figures = {}
    for line in output.splitlines():
        if match := re.match(r"rows with a label in the directory: (\d+)", line):
            figures["rows"] = match.group(1)
        elif match := re.match(r"(.{20}) +([\d.]+)", line):  # "label (20 chars) value"
            figures[match.group(1).strip()] = match.group(2)
    return figures


def section(results: list[tuple[str, dict]]) -> str:
    keys = [
        ("precision at 1", "≥ 0.92"),
        ("chosen share", "≥ 0.85"),
        ("precision of chosen", "≥ 0.97"),
        ("wrong chosen", "≤ 0.03"),
        ("strings per second", "≥ 200"),
        ("peak memory (MB)", "≤ 500"),
        ("index built in (s)", ""),
    ]
    lines = [
        START,
        "## Affiliation resolver (issue 25)",
        "",
        f"`eval_affiliations` on `../shared/affiliations/s2aff-gold-train-val.csv` over the "
        f"shared ROR directory (51,370 records) in PostgreSQL, one process per column, "
        f"{time.strftime('%Y-%m-%d')} (scripts/bench/affiliations.py). Rows: those with at least "
        "one label in the directory. Tuning was done on `train`; `val` is held out.",
        "",
        "| figure | target | " + " | ".join(name for name, _ in results) + " |",
        "|---|---|" + "---:|" * len(results),
        "| rows | | " + " | ".join(r.get("rows", "?") for _, r in results) + " |",
    ]
    for key, target in keys:
        lines.append(
            f"| {key} | {target} | " + " | ".join(r.get(key, "?") for _, r in results) + " |"
        )
    lines += [END, ""]
    return "\n".join(lines)


def write(output: Path, text: str) -> None:
    current = output.read_text() if output.exists() else ""
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        current = before + text + after
    else:
        current = current.rstrip("\n") + "\n\n" + text
    output.write_text(current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()
    build()
    results = [
        ("train (tuning)", evaluate("train")),
        ("val (held out)", evaluate("val")),
        ("whole file", evaluate("")),
    ]
    text = section(results)
    write(Path(args.output), text)
    print(text)


if __name__ == "__main__":
    main()
