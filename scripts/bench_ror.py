"""ROR import benchmark: import time, re-import time and peak memory, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clara_ror_bench \\
        .venv/bin/python scripts/bench_ror.py [../shared/ror/ror-records-v2.json.gz]

DROPS AND RECREATES the database named in DATABASE_URL, migrates it, loads the CLARA dataset,
then runs, each in its own process (so that its peak memory is its own):
`import_ror` into the empty directory, `import_ror` again (nothing to change), and
`match_ror --apply`. Prints wall time and peak resident memory of each, the counts reported,
and checks that the public lists still show CLARA's partners only.
Targets (issue 9): import ≤ 60 s, peak ≤ 300 MB, re-import ≤ 20 s.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = ROOT.parent / "shared" / "ror" / "ror-records-v2.json.gz"
PYTHON = sys.executable


def run(*args: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and output of `manage.py args` in a child process."""
    started = time.monotonic()
    process = subprocess.Popen(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "clara.settings.dev", "DEBUG": "false"},
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{output}")
    return elapsed, usage.ru_maxrss / 1024, output.strip()


def recreate(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database that may be dropped and recreated.")
    dump = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DUMP
    recreate(url)
    run("migrate", "--noinput", "-v0")
    run("load_clara_dataset", "-v0")
    rows = []
    for label, args in [
        ("import (empty directory)", ["import_ror", str(dump)]),
        ("re-import (nothing to change)", ["import_ror", str(dump)]),
        ("match_ror --apply", ["match_ror", "--apply"]),
    ]:
        elapsed, peak, output = run(*args)
        rows.append((label, elapsed, peak, output))
    _, _, partners = run(
        "shell",
        "-c",
        "from institutions.models import Institution as I; "
        "print(I.objects.partners().count(), I.objects.count(), "
        "I.objects.filter(source='clara').exclude(ror_id='').count())",
    )
    print(f"Dump: {dump} ({dump.stat().st_size / 1e6:.1f} MB)")
    for label, elapsed, peak, output in rows:
        print(f"{label:32} {elapsed:6.1f} s  peak {peak:5.0f} MB  | {output.splitlines()[-1]}")
    partner_count, total, linked = partners.split()[-3:]
    print(
        f"Public partners: {partner_count} of {total} institutions; "
        f"{linked} CLARA institutions linked to ROR."
    )


if __name__ == "__main__":
    main()
