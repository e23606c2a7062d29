"""The benchmark's Django side, run by run.py in its own process against one database.

    python scripts/bench/django_side.py status           # is the database built? (JSON)
    python scripts/bench/django_side.py prepare          # admin session, URL placeholders (JSON)
    python scripts/bench/django_side.py queries < urls   # query count and size per URL (JSON)

Production settings (DJANGO_SETTINGS_MODULE, DATABASE_URL… come from run.py's environment).
"""

import itertools
import json
import os
import random
import signal
import sys
import time
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BENCH_USER = "bench-admin"
REQUEST_LIMIT = int(os.environ.get("BENCH_REQUEST_LIMIT", "90"))  # seconds, then given up


def status() -> dict:
    from partnerships.models import Partnership

    tables = connection.introspection.table_names()
    full = synthetic = False
    if "synthetic_syntheticbatch" in tables:
        from synthetic.models import SyntheticBatch

        full = SyntheticBatch.objects.filter(scale__gte=1).exists()
        synthetic = SyntheticBatch.objects.exists()
    dataset = (
        "partnerships_partnership" in tables
        and Partnership.objects.filter(slug="clara-international-shanghai").exists()
    )
    return {"dataset": dataset, "full_scale": full, "synthetic": synthetic}


def session_cookie() -> tuple[str, str]:
    """A verified (second factor passed) admin session for the bench's superuser."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    User = get_user_model()
    user = User.objects.filter(username=BENCH_USER).first()
    if user is None:
        user = User.objects.create_superuser(BENCH_USER, "bench@example.org", None)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.set_expiry(6 * 3600)
    store.save()
    return settings.SESSION_COOKIE_NAME, store.session_key


def placeholders() -> dict:
    """Values for the URL list's {placeholders}: the biggest records of this database."""
    from institutions.models import Institution
    from partnerships.models import Agreement, Partnership
    from themes.models import ResearchTheme
    from themes.views import MAX_TEAM_PAGES, TEAMS_PER_PAGE

    partnership = (
        Partnership.objects.public()
        .annotate(n=Count("members"))
        .order_by("-n", "pk")
        .values("pk", "slug", "n")
        .first()
    )
    institution = (
        Institution.objects.annotate(n=Count("teams"))
        .order_by("-n", "pk")
        .values("pk", "slug", "n")
        .first()
    )
    theme = (
        ResearchTheme.objects.annotate(n=Count("teams"))
        .order_by("-n", "pk")
        .values("slug", "n")
        .first()
    )
    agreement = (
        Agreement.objects.annotate(n=Count("parties"))
        .order_by("-n", "pk")
        .values("pk", "n")
        .first()
    )
    # The deepest numbered page of the API's institutions (API_MAX_PAGE), or the last page of
    # a smaller directory: a deep page at both scales.
    per_page = settings.REST_FRAMEWORK["PAGE_SIZE"]
    partners = Institution.objects.partners().count()
    deep_page = max(1, min(settings.API_MAX_PAGE, -(-partners // per_page)))
    return {
        "api_deep_page": deep_page,
        "big_partnership": partnership["slug"],
        "big_partnership_pk": partnership["pk"],
        "big_partnership_members": partnership["n"],
        "many_teams_institution": institution["slug"],
        "many_teams_institution_pk": institution["pk"],
        "many_teams": institution["n"],
        "big_theme": theme["slug"],
        "big_theme_teams": theme["n"],
        "theme_last_page": max(1, min(MAX_TEAM_PAGES, -(-theme["n"] // TEAMS_PER_PAGE))),
        "big_agreement_pk": agreement["pk"],
        "big_agreement_parties": agreement["n"],
    }


def prepare() -> dict:
    name, value = session_cookie()
    return {"cookie": f"{name}={value}", "placeholders": placeholders()}


class TooLong(Exception):
    pass


def _alarm(signum, frame):
    raise TooLong


def queries(urls: list[dict], cookie: str) -> list[dict]:
    """Each URL requested twice (after a cache flush, then again): queries and body size."""
    name, _, value = cookie.partition("=")
    signal.signal(signal.SIGALRM, _alarm)
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from pagecache import cache as page_cache

    # Content types are read once per process (Django's own cache), not per request: all of
    # them known before counting, so that a page's count does not depend on which content types
    # the URLs before it happened to need.
    ContentType.objects.get_for_models(*apps.get_models())
    results = []
    for url in urls:
        # Cold means cold for every URL: the same page may come twice (the biggest collaboration
        # of a small database is CLARA's own).
        cache.clear()
        page_cache._recent.clear()
        page_cache.bump_content_version()  # and the in-process memos keyed by the version
        client = Client(HTTP_HOST="127.0.0.1")
        if url.get("admin"):
            client.cookies[name] = value
        row = {"path": url["path"]}
        try:
            for attempt in ("cold", "warm"):
                if attempt == "warm" and row["cold_seconds"] > 5:
                    break  # a slow page's second run would only repeat its time
                signal.alarm(REQUEST_LIMIT)
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(url["path"])
                    body = b"".join(response) if response.streaming else response.content
                signal.alarm(0)
                row[f"{attempt}_queries"] = len(captured.captured_queries)
                row[f"{attempt}_seconds"] = round(time.perf_counter() - started, 3)
                row["status"] = response.status_code
                row["bytes"] = len(body)
        except TooLong:
            row["error"] = f"> {REQUEST_LIMIT} s"
        except Exception as error:
            signal.alarm(0)
            row["error"] = f"{type(error).__name__}: {error}"[:200]
        results.append(row)
        print(f"  {url['path']}: {row}", file=sys.stderr, flush=True)
    return results


def sample(size: int) -> list[str]:
    """Public addresses drawn at random by SQL: institutions, teams, collaborations, themes,
    events, people (in the API: they have no page of their own) and deep pages of the lists."""
    from django.urls import reverse

    from events.models import Event
    from institutions.models import Institution, Team
    from institutions.views import InstitutionPaginator
    from partnerships.models import Partnership
    from people.models import Person
    from themes.models import ResearchTheme
    from themes.views import MAX_TEAM_PAGES, TEAMS_PER_PAGE

    kinds = [
        Institution.objects.partners_probed(),
        Team.objects.all(),
        Partnership.objects.public(),
        ResearchTheme.objects.all(),
        Event.objects.filter(is_public=True),
    ]
    share = max(1, size // (len(kinds) + 2))
    paths = []
    for queryset in kinds:
        for record in queryset.order_by("?")[:share]:
            paths.append(record.get_absolute_url())
    for slug in Person.objects.public().order_by("?").values_list("slug", flat=True)[:share]:
        paths.append(reverse("api:person-detail", kwargs={"slug": slug}))
    for theme in ResearchTheme.objects.annotate(n=Count("teams")).order_by("?")[:share]:
        pages = max(1, min(MAX_TEAM_PAGES, -(-theme.n // TEAMS_PER_PAGE)))
        paths.append(f"{theme.get_absolute_url()}?page={random.randint(1, pages)}")
    per_page = settings.REST_FRAMEWORK["PAGE_SIZE"]
    lists = {
        "institutions": Institution.objects.partners().count(),
        "teams": Team.objects.count(),
        "collaborations": Partnership.objects.public().count(),
        "events": Event.objects.filter(is_public=True).count(),
    }
    for _ in range(share // 2):
        paths.append(f"/fr/institutions/?page={random.randint(1, InstitutionPaginator.max_pages)}")
        api, count = random.choice(list(lists.items()))
        pages = max(1, min(settings.API_MAX_PAGE, -(-count // per_page)))
        paths.append(f"/api/{api}/?page={random.randint(1, pages)}")
    return paths


PAIR_URLS = {
    "teams": ["/fr/search/?type=teams", "/api/teams/?"],
    "institutions": ["/fr/search/?type=institutions", "/api/institutions/?"],
}


def pair_values() -> dict[str, str]:
    """One random team's values (drawn by SQL each run), so that pairs select something."""
    from institutions.models import Institution, Team
    from partnerships.models import Partnership
    from themes.models import ResearchTheme

    team = (
        Team.objects.filter(leader__is_public=True, themes__isnull=False)
        .select_related("institution", "leader")
        .order_by("?")
        .first()
    )
    institution = team.institution
    with_ror = Institution.objects.exclude(ror_id="").exclude(ror_types="").order_by("?").first()
    collaboration = (
        Partnership.objects.public().filter(members__institution=institution).first()
        or Partnership.objects.public().filter(members__isnull=False).order_by("?").first()
    )
    words = ["cancer", "stem cells", "immunotherapy", "lyon", "genomics", "leukemia"]
    return {
        "q": random.choice(words),
        "country": institution.country,
        "city": (institution.city_en or institution.city_fr or "lyon")[:4],
        "kind": institution.kind,
        "theme": ResearchTheme.objects.filter(teams=team).order_by("?").first().slug,
        "collaboration": collaboration.slug,
        "agreement_in_force": random.choice(["true", "false", "unknown"]),
        "eu_projects": "shared",
        "members": random.choice(["clara", "partners"]),
        "leader": team.leader.slug,
        "directory": "all",
        "ror_id": with_ror.ror_id,
        "ror_type": with_ror.ror_types.split(",")[0].strip(),
    }


def filter_pairs() -> list[str]:
    """Every pair of the search's filters, on the page and in the API, teams and institutions."""
    from search.filters import InstitutionFilterSet, TeamFilterSet

    filters = {
        "teams": ["q", *TeamFilterSet.base_filters],
        "institutions": ["q", *InstitutionFilterSet.base_filters],
    }
    values = pair_values()
    paths = []
    for kind, names in filters.items():
        for first, second in itertools.combinations(names, 2):
            query = urlencode({first: values[first], second: values[second]})
            paths += [f"{url}&{query}" for url in PAIR_URLS[kind]]
    return paths


def staff_saves(seconds: float, every: float) -> int:
    """A staff member saving a random public collaboration every `every` seconds (a model save
    in a transaction, as the admin's form does: the same signals)."""
    from django.db import transaction

    from partnerships.models import Partnership

    saves, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        with transaction.atomic():
            partnership = Partnership.objects.public().order_by("?").first()
            partnership.save()
        saves += 1
        time.sleep(every)
    return saves


def main() -> None:
    command = sys.argv[1]
    if command == "status":
        print(json.dumps(status()))
    elif command == "prepare":
        print(json.dumps(prepare()))
    elif command == "queries":
        data = json.load(sys.stdin)
        # CaptureQueriesContext records with DEBUG off too (it forces a debug cursor).
        print(json.dumps(queries(data["urls"], data["cookie"])))
    elif command == "sample":
        print(json.dumps(sample(int(sys.argv[2]))))
    elif command == "filter_pairs":
        print(json.dumps(filter_pairs()))
    elif command == "staff_saves":
        print(json.dumps(staff_saves(float(sys.argv[2]), float(sys.argv[3]))))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
