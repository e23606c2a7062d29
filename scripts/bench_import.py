"""Import benchmark: a CSV of institutions through the back-office, preview then confirmation.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clara_bench \\
        .venv/bin/python scripts/bench_import.py [--rows 10000] [--update] [--mobilities]

Builds a throwaway test database, signs in an Editor and posts `--rows` institutions to the
admin import: the preview (validation, no writes) and the confirmation (all rows written, with
history). With `--update` the same file is imported a second time with every name changed.
With `--mobilities`, a French Excel file of mobilities (people and hosts by name, dd/mm/yyyy)
is imported twice: new rows, then the same rows found again and updated. Prints rows per second
for each step.
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

MOBILITY_HEADER = "person;category;direction;host_institution;planned_start;planned_end;status\n"


def mobility_file(rows: int, status: str = "planned") -> bytes:
    """French Excel's CSV: `;`, Windows-1252, dd/mm/yyyy; people and hosts by name."""
    lines = [MOBILITY_HEADER]
    lines += [
        f"Chercheuse {n % 500} Lefèvre;phd;outgoing;Université n°{n % 20};"
        f"{13 + n % 15}/{1 + n // 28 % 12:02d}/{2000 + n // 336};;{status}\n"
        for n in range(rows)
    ]
    return "".join(lines).encode("cp1252")


def bench_mobilities(client, rows: int) -> None:
    from institutions.models import Institution
    from mobility.models import MobilityExchange

    Institution.objects.bulk_create(
        Institution(
            slug=f"u-{n}",
            name_fr=f"Université n°{n}",
            name_en=f"University {n}",
            kind="university",
            network_role="foreign_partner",
            country="DE",
        )
        for n in range(20)
    )
    url = "/admin/mobility/mobilityexchange/"
    for step, status in [("new", "planned"), ("again", "confirmed")]:
        content = mobility_file(rows, status)
        preview = timed(
            f"mobilities preview ({step})",
            rows,
            lambda content=content: client.post(
                f"{url}import/",
                {
                    "import_file": SimpleUploadedFile("m.csv", content),
                    "format": "0",
                    "resource": "0",
                },
            ),
        )
        form = preview.context["confirm_form"]
        assert form is not None, preview.context["result"].messages[:5]
        timed(
            f"mobilities confirmation ({step})",
            rows,
            lambda form=form: client.post(
                f"{url}process_import/", {**form.initial, "resource": "0"}
            ),
        )
    assert MobilityExchange.objects.count() == rows


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
    parser.add_argument("--mobilities", action="store_true", help="a French Excel mobility file")
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
        if args.mobilities:
            bench_mobilities(client, args.rows)
            return
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
