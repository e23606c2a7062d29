"""Each configuration mistake stops the start with one line, never a traceback or a 500."""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "-Zq8#x1!vB7$wR3%nT6^mY2&pL9*" + "s" * 20
GOOD = {
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "partnerships.example.org",
    "DATABASE_URL": "postgres://clara@127.0.0.1:5432/clara",
}
SETTING_VARIABLES = {
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "ALLOW_SQLITE",
    "PRIVATE_STORAGE",
    "S3_BUCKET",
    "TASKS_BACKEND",
    "REDIS_URL",
    "STATIC_ROOT",
    "CONN_MAX_AGE",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def environment(settings: str = "clara.settings.prod", **env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTING_VARIABLES}
    return {**clean, "DJANGO_SETTINGS_MODULE": settings, **env}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error: ")
    assert expected in lines[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "too-short"}, "at least 50 characters"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must list"),
        ({"DEBUG": "true"}, "DEBUG must not be enabled"),
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"DATABASE_URL": ""}, "DATABASE_URL must be set in production"),
        ({"PRIVATE_STORAGE": "ftp"}, "PRIVATE_STORAGE must be 'local' or 's3'"),
        ({"PRIVATE_STORAGE": "s3"}, "S3_BUCKET must name the bucket"),
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be"),
        ({"DATABASE_URL": "postgress://clara@db/clara"}, "postgress"),
        ({"CONN_MAX_AGE": "forever"}, "CONN_MAX_AGE must be a whole number"),
    ],
)
def test_a_configuration_mistake_is_one_line(change, expected):
    assert_one_line(manage("check", **{**GOOD, **change}), expected)


def test_sqlite_in_production_only_when_explicitly_allowed():
    env = {**GOOD, "DATABASE_URL": "", "ALLOW_SQLITE": "true"}
    result = manage("check", **env)
    assert result.returncode == 0, result.stderr


def test_the_database_queue_is_the_production_default():
    code = "from django.conf import settings; print(settings.TASKS)"
    result = manage("shell", "-c", code, **GOOD)
    assert "django_tasks_db.DatabaseBackend" in result.stdout, result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_refuses_to_start_when_static_files_are_not_collected(tmp_path):
    """Rather than answering 500 on every page: one line and a non-zero exit."""
    env = environment(
        **GOOD,
        STATIC_ROOT=str(tmp_path / "static"),
        GUNICORN_BIND=f"127.0.0.1:{free_port()}",
        GUNICORN_WORKERS="1",
    )
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "clara: not starting: CommandError: Static files are not collected" in result.stderr
    assert "Listening at" not in result.stderr


def test_one_line_per_log_record_in_development():
    """Django's own console handler used to print each warning a second time."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('django.request').warning('only-once')",
        ],
        cwd=ROOT,
        env=environment("clara.settings.dev"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr.count("only-once") == 1, result.stderr


def test_every_variable_the_settings_read_is_documented():
    pattern = re.compile(r"""(?:env\.(?:str|bool|int|float|list)|_rate)\(\s*["']([A-Z0-9_]+)["']""")
    read = set()
    for module in (ROOT / "clara" / "settings").glob("*.py"):
        read |= set(pattern.findall(module.read_text()))
    assert {"SECRET_KEY", "REDIS_URL", "S3_BUCKET", "LOG_LEVEL"} <= read  # the pattern works
    readme = (ROOT / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in read if f"`{name}`" not in readme)
    assert missing == []


def test_the_settings_read_the_environment_through_one_typed_reader():
    for module in (ROOT / "clara" / "settings").glob("*.py"):
        assert "os.environ" not in module.read_text(), module.name


def test_a_tuning_constant_is_a_setting_not_a_variable():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SEARCH_CANDIDATES, "
        "settings.IMPORT_MAX_ROWS, 'synthetic' in settings.INSTALLED_APPS)",
        **GOOD,
        SEARCH_CANDIDATES="5",
        IMPORT_MAX_ROWS="7",
    )
    assert result.returncode == 0, result.stderr
    # Production: the documented constants, and no synthetic data app.
    assert result.stdout.splitlines()[-1].split() == ["1000", "20000", "False"]


def test_a_mistyped_variable_stops_the_start_with_its_name():
    result = manage("check", **GOOD, SECURE_SSL_REDIRECT="ture")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be a boolean" in result.stderr


def test_errors_are_emailed_to_admins_in_production():
    code = (
        "import logging; from django.core import mail; "
        "logging.getLogger('django.request').error('Internal Server Error: /boom'); "
        "logging.getLogger('django.tasks').info('Task id=1 state=SUCCESSFUL'); "
        "logging.getLogger('django.tasks').error('Task id=2 state=FAILED'); "
        "print(len(mail.outbox), mail.outbox[0].to, mail.outbox[0].subject, mail.outbox[1].subject)"
    )
    result = manage(
        "shell",
        "-c",
        code,
        **GOOD,
        ADMINS="it@example.org,office@example.org",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    assert result.returncode == 0, result.stderr
    assert "2 ['it@example.org', 'office@example.org']" in result.stdout
    assert "Internal Server Error: /boom" in result.stdout
    assert "Task id=2 state=FAILED" in result.stdout
    assert "Task id=1 state=SUCCESSFUL" in result.stderr  # logged, not e-mailed


def test_collected_static_files_are_readable_by_the_web_server_uploads_are_not():
    code = (
        "from django.conf import settings; from django.core.files.storage import storages; "
        "print(oct(storages['staticfiles'].file_permissions_mode), "
        "oct(storages['private'].file_permissions_mode))"
    )
    result = manage("shell", "-c", code, **GOOD)
    assert result.stdout.split()[-2:] == ["0o644", "0o640"], result.stdout + result.stderr
