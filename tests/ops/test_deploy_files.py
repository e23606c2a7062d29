"""The shipped deployment files name commands, options and files that exist."""

import re
import shlex
from pathlib import Path

import pytest
import yaml
from asgiref.local import Local
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.tasks import task_backends

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def manage_commands() -> list[list[str]]:
    """Every `manage.py …` invocation in the units, cron lines and compose file."""
    found = []
    for path in [*DEPLOY.glob("systemd/*.service"), DEPLOY / "cron", DEPLOY / "compose.yaml"]:
        for match in re.finditer(
            r"manage\.py ([a-z_]+(?: --?[a-z-]+(?: [0-9A-Z]+)?)*)", path.read_text()
        ):
            found.append(shlex.split(match.group(1)))
    return found


@pytest.fixture
def database_queue(settings):
    """db_worker accepts only a database backend, production's."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task_backends._settings, task_backends._connections = None, Local(False)
    yield
    task_backends._settings, task_backends._connections = None, Local(False)


def test_every_management_command_shipped_exists_with_its_options(database_queue):
    commands = manage_commands()
    assert {c[0] for c in commands} >= {"db_worker", "send_agreement_reminders", "backup"}
    available = get_commands()
    for name, *args in commands:
        assert name in available, name
        command = load_command_class(available[name], name)
        command.create_parser("manage.py", name).parse_args(args)  # exits on an unknown option


@pytest.mark.parametrize(
    "unit",
    [
        "clara-web.service",
        "clara-worker.service",
        "clara-reminders.service",
        "clara-expire-exports.service",
    ],
)
def test_units_run_from_the_checkout_with_the_environment_file(unit):
    text = (DEPLOY / "systemd" / unit).read_text()
    assert "WorkingDirectory=/srv/clara" in text
    assert "EnvironmentFile=/etc/clara/clara.env" in text
    executable = re.search(r"^ExecStart=/srv/clara/(\S+)", text, re.M).group(1)
    assert executable in {".venv/bin/gunicorn", ".venv/bin/python"}


def test_timers_start_their_service_daily():
    for name in ("clara-reminders", "clara-backup"):
        timer = (DEPLOY / "systemd" / f"{name}.timer").read_text()
        assert re.search(r"^OnCalendar=\*-\*-\* \d\d:\d\d:\d\d", timer, re.M)
        assert "Persistent=true" in timer
        assert (DEPLOY / "systemd" / f"{name}.service").exists()


def test_expired_search_exports_are_deleted_every_hour():
    timer = (DEPLOY / "systemd" / "clara-expire-exports.timer").read_text()
    assert re.search(r"^OnCalendar=hourly$", timer, re.M)
    assert "Persistent=true" in timer
    for command in ("expire_search_exports", "expire_admin_exports"):
        assert [command] in manage_commands()
        assert command in (DEPLOY / "cron").read_text()
        assert command in (DEPLOY / "compose.yaml").read_text()
        assert command in (DEPLOY / "systemd" / "clara-expire-exports.service").read_text()


def test_nginx_sends_the_headers_the_settings_expect():
    site = (DEPLOY / "nginx" / "clara.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site  # SECURE_PROXY_SSL_HEADER
    assert "proxy_set_header Host $http_host;" in site
    assert "proxy_set_header X-Request-ID $request_id;" in site
    limit = int(re.search(r"client_max_body_size (\d+)m;", site).group(1)) * 1024 * 1024
    assert limit > settings.AGREEMENT_DOCUMENT_MAX_BYTES


def test_the_environment_example_leaves_the_secret_empty_and_names_known_variables():
    example = (DEPLOY / "clara.env.example").read_text()
    assert re.search(r"^SECRET_KEY=$", example, re.M)  # never a usable placeholder
    readme = (ROOT / "docs" / "configuration.md").read_text()
    names = re.findall(r"^#?([A-Z][A-Z0-9_]+)=", example, re.M)
    assert [n for n in names if f"`{n}`" not in readme and n != "DJANGO_SETTINGS_MODULE"] == []


def test_compose_has_the_same_services():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert {"db", "redis", "web", "worker", "scheduler"} <= set(services)
    assert "gunicorn -c deploy/gunicorn.conf.py" in services["web"]["command"]
