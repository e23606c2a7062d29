"""Admin benchmark against an existing (full-scale) database: every changelist and the change
forms of the biggest records, as a signed-in superuser (the test client, in process).

    DATABASE_URL=postgres://…/clara_x_scale .venv/bin/python scripts/bench_admin.py [--repeat 3]

Prints, per page, the best time of `--repeat` requests after a warm-up, the query count and the
response size. Reads only (a superuser `bench-admin` is created if missing). Not a test.
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
from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def biggest(model, fk: str):
    row = (
        model.objects.values(fk).annotate(n=Count("pk")).order_by("-n").values_list(fk, "n").first()
    )
    return row or (None, 0)


def pages() -> list[tuple[str, str]]:
    from institutions.models import Team
    from partnerships.models import AgreementParty, PartnershipMember

    found = []
    for model in admin.site._registry:
        opts = model._meta
        found.append((opts.label, f"/admin/{opts.app_label}/{opts.model_name}/"))
    partnership, members = biggest(PartnershipMember, "partnership")
    agreement, parties = biggest(AgreementParty, "agreement")
    institution, teams = biggest(Team, "institution")
    found += [
        (
            f"partnership with {members} members",
            f"/admin/partnerships/partnership/{partnership}/change/",
        ),
        (f"agreement with {parties} parties", f"/admin/partnerships/agreement/{agreement}/change/"),
        (
            f"institution with {teams} teams",
            f"/admin/institutions/institution/{institution}/change/",
        ),
        ("history of that partnership", f"/admin/partnerships/partnership/{partnership}/history/"),
        (
            "agreements filtered by that partnership",
            f"/admin/partnerships/agreement/?partnership__id__exact={partnership}",
        ),
        (
            "members of that partnership",
            f"/admin/partnerships/partnershipmember/?partnership__id__exact={partnership}",
        ),
        ("institutions searched 'cancer'", "/admin/institutions/institution/?q=cancer"),
        ("dashboard", "/admin/"),
    ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    user = get_user_model().objects.filter(username="bench-admin").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "", "bench-admin-pw")
    client = Client()
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    print(f"| page | ms (best of {args.repeat}) | CPU ms | SQL ms | queries | KB |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, url in pages():
        client.get(url)
        best = cpu = sql = float("inf")
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                best = min(best, time.perf_counter() - start)
                cpu = min(cpu, time.process_time() - start_cpu)
            sql = min(sql, sum(float(q["time"]) for q in queries.captured_queries))
        status = "" if response.status_code == 200 else f" (HTTP {response.status_code})"
        print(
            f"| {label}{status} | {best * 1000:.0f} | {cpu * 1000:.0f} | {sql * 1000:.0f} | "
            f"{len(queries)} | "
            f"{len(response.content) / 1024:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
