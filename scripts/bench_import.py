"""Import benchmark: a CSV of institutions through the back-office, preview then confirmation.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clara_bench \\
        .venv/bin/python scripts/bench_import.py [--rows 10000] [--update]

Builds a throwaway test database, signs in an Editor and posts `--rows` institutions to the
admin import: the preview (validation, no writes) and the confirmation (all rows written, with
history). With `--update` the same file is imported a second time with every name changed.
Prints rows per second for each step.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from backoffice.roles import EDITOR  # noqa: E402
from institutions.models import Institution  # noqa: E402

HEADER = "slug,name_fr,name_en,kind,network_role,country,city_fr,city_en,parent\n"


def csv_file(rows: int, suffix: str = "") -> bytes:
    lines = [HEADER, "root,Racine,Root,university,foreign_partner,FR,Lyon,Lyon,\n"]
    lines += [
        f"inst-{n},Institut n°{n}{suffix},Institute {n}{suffix},university,foreign_partner,"
        f"CN,Shanghaï,Shanghai,root\n"
        for n in range(rows - 1)
    ]
    return "".join(lines).encode()


def timed(label: str, rows: int, call):
    start = time.perf_counter()
    response = call()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {rows:>6} rows  {seconds:6.2f} s  {rows / seconds:8.0f} rows/s")
    return response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    settings.IMPORT_BACKGROUND_ROWS = args.rows + 1  # time the import itself, in the request
    setup_test_environment()  # the test client's host, and responses' template context
    old = setup_databases(verbosity=0, interactive=False)
    try:
        user = get_user_model().objects.create_user("bench", is_staff=True)
        user.groups.add(Group.objects.get(name=EDITOR))
        client = Client()
        client.force_login(user)
        print(f"database: {django.db.connection.vendor}")
        for step, suffix in [("new", "")] + ([("changed", " bis")] if args.update else []):
            content = csv_file(args.rows, suffix)
            preview = timed(
                f"preview ({step})",
                args.rows,
                lambda content=content: client.post(
                    "/admin/institutions/institution/import/",
                    {
                        "import_file": SimpleUploadedFile("i.csv", content),
                        "format": "0",
                        "resource": "0",
                    },
                ),
            )
            form = preview.context["confirm_form"]
            assert form is not None, "the preview found errors"
            timed(
                f"confirmation ({step})",
                args.rows,
                lambda form=form: client.post(
                    "/admin/institutions/institution/process_import/",
                    {**form.initial, "resource": "0"},
                ),
            )
        assert Institution.objects.count() == args.rows
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
