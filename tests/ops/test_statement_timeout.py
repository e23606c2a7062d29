"""A web request's database statements are bounded (STATEMENT_TIMEOUT_MS): one over the limit
is cancelled by PostgreSQL and the visitor gets a 503 page, logged but not mailed. Management
commands, migrations and the task worker run without a limit."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from ops.logging import SkipServiceUnavailable
from search import views as search_views

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)

postgres_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="statement_timeout is PostgreSQL's",
)
pytestmark = [pytest.mark.django_db, postgres_only]


def statement_timeout(*command: str) -> str:
    """statement_timeout as a process started by `command` sees it, on the test database."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if k != "CLARA_WEB_PROCESS"}
    env.update(
        DJANGO_SETTINGS_MODULE="clara.settings.test", DATABASE_URL=url, STATEMENT_TIMEOUT_MS="1234"
    )
    result = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_only_web_processes_bound_their_statements():
    assert statement_timeout("-c", f"import clara.wsgi\n{SHOW}") == "1234ms"
    assert statement_timeout("-c", f"import clara.asgi\n{SHOW}") == "1234ms"
    assert statement_timeout("manage.py", "shell", "-c", SHOW) == "0"


@pytest.fixture
def slow_search(monkeypatch):
    """The search takes longer than the request's limit (50 ms here)."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")  # undone with the test's transaction

    def search(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr(search_views.selectors, "search", search)


def test_a_page_over_the_limit_answers_503(client, slow_search, caplog):
    caplog.set_level(logging.WARNING)
    page = client.get("/fr/search/", {"q": "foie"})
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "Service momentanément indisponible" in html
    assert "Service unavailable" in html
    assert "Traceback" not in html
    assert any("Statement timeout: GET /fr/search/" in r.getMessage() for r in caplog.records)
    mailed = [r for r in caplog.records if SkipServiceUnavailable().filter(r)]
    assert not [r for r in mailed if r.levelno >= logging.ERROR]


def test_an_export_over_the_limit_answers_503(client, slow_search):
    assert client.get("/en/search/export.csv", {"q": "foie"}).status_code == 503


def test_the_api_over_the_limit_answers_503_in_json(client, slow_search):
    answer = client.get("/api/institutions/", {"q": "foie"})
    assert answer.status_code == 503
    assert "took too long" in answer.json()["detail"]
