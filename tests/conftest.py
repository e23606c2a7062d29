import datetime
import os
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection, transaction
from django.test.testcases import LiveServerThread
from django.utils import translation

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached aggregates (map, figures) never outlive the test that filled them: a rolled-back
    test sends no signal."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """Messages are asserted in English; a test that checks French switches explicitly."""
    with translation.override("en"):
        yield


# The apps whose records the CLARA dataset holds: a test without `clara_dataset` empties them.
DATASET_APPS = [
    "themes",
    "thesaurus",
    "institutions",
    "people",
    "partnerships",
    "mobility",
    "events",
    "sources",
]


def dataset_tables() -> list[str]:
    """Every table of the dataset's apps: models, many-to-many tables and history."""
    models = [
        model
        for label in DATASET_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted({model._meta.db_table for model in models})


def row_counts() -> dict[str, int]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the CLARA dataset committed once (for `clara_dataset`)."""
    with django_db_blocker.unblock():
        before = row_counts()
        call_command("load_clara_dataset", verbosity=0)
        filled = {table for table, rows in row_counts().items() if rows != before[table]}
    outside = filled - set(dataset_tables())
    assert not outside, f"the dataset fills tables outside DATASET_APPS: {sorted(outside)}"


@pytest.fixture(autouse=True)
def _empty_database_unless_dataset_requested(request):
    """A test starts from an empty database unless it asks for `clara_dataset`.

    It deletes the dataset inside its own transaction, which the rollback undoes. A
    transactional test (live server) commits the deletion, and Django flushes the database
    after it anyway; `clara_dataset` then reloads the dataset.
    """
    if "clara_dataset" in request.fixturenames:
        return
    if not request.node.get_closest_marker("django_db") and not {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames):
        return
    request.getfixturevalue("db")  # sets up the database and opens the test's transaction
    with transaction.atomic(), connection.cursor() as cursor:  # foreign keys checked at the end
        for table in dataset_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture
def clara_dataset(db):
    """The real CLARA dataset, as `make demo` loads it (committed once by `django_db_setup`)."""
    from partnerships.models import Partnership

    if not Partnership.objects.exists():  # flushed by a transactional test
        call_command("load_clara_dataset", verbosity=0)


@pytest.fixture
def synthetic_data(db):
    """Builds synthetic records in the test's transaction, for bounded-size and bounded-query
    tests at two data sizes: `synthetic_data(scale=0.001)` (100 institutions, ~1 s) then a
    larger scale (0.005: 500 institutions, 1,000 teams, 1,000 mobilities)."""
    from synthetic.services import generate

    def build(scale: float = 0.001, seed: int = 1):
        return generate(scale=scale, seed=seed)

    return build


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-staff-1")
    client.force_login(user)
    return client


class SerialLiveServer(WSGIServer):
    """One request at a time: the live server shares the test's in-memory SQLite connection,
    which two requests at once (a browser's live search firing as it types) must not use
    together (Django's documentation on LiveServerTestCase says so)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _serial_live_server_on_sqlite():
    if connection.vendor == "sqlite":
        LiveServerThread.server_class = SerialLiveServer


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright: never a downloaded browser."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CLARA_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required for browser tests but {CHROMIUM} is missing.")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    # Playwright's sync API runs an event loop, which Django's live server refuses otherwise.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def secrets(db):
    from tests import factories as f

    """Private records planted next to public ones: none of them may reach a public page."""
    public = f.PartnershipFactory(
        slug="public-programme",
        name_fr="Programme public",
        name_en="Public programme",
        countries=["CN"],
    )
    hidden = f.PartnershipFactory(
        slug="hidden-programme",
        name_fr="Programme caché",
        name_en="Hidden programme",
        is_public=False,
    )
    institution = f.InstitutionFactory(slug="partner-institute", name_en="Partner Institute")
    f.PartnershipMemberFactory(partnership=public, institution=institution)
    f.PartnershipMemberFactory(partnership=hidden, institution=institution)
    secret_person = f.PersonFactory(
        first_name="Zoé",
        last_name="Secretperson",
        email="zoe.secret@example.org",
        is_public=False,
        affiliation=institution,
    )
    public.coordinators.add(secret_person)
    f.TeamFactory(slug="team-x", institution=institution, leader=secret_person)
    confidential = f.AgreementFactory(
        reference="CONF-001",
        slug="conf-001",
        title_fr="Accord confidentiel",
        title_en="Confidential agreement",
        is_confidential=True,
        partnership=public,
    )
    f.AgreementPartyFactory(
        agreement=confidential, institution=institution, signatory=secret_person
    )
    open_agreement = f.AgreementFactory(
        reference="OPEN-001",
        slug="open-001",
        title_en="Open agreement",
        partnership=public,
    )
    f.AgreementPartyFactory(
        agreement=open_agreement, institution=institution, signatory=secret_person
    )
    f.EventFactory(
        slug="private-event",
        title_en="Private meeting",
        title_fr="Réunion privée",
        is_public=False,
        partnership=public,
    )
    f.MobilityExchangeFactory(
        person=secret_person,
        partnership=public,
        host_institution=institution,
        planned_start=datetime.date(2024, 1, 1),
        planned_end=datetime.date(2024, 6, 1),
    )
    return {
        "strings": [
            "Confidential agreement",
            "Accord confidentiel",
            "CONF-001",
            "Hidden programme",
            "Programme caché",
            "Secretperson",
            "zoe.secret@example.org",
            "Private meeting",
            "Réunion privée",
            "@example.org",
        ],
        "confidential": confidential,
        "hidden": hidden,
    }
