"""The project's gunicorn settings (deploy/gunicorn.conf.py) for the floor app: same workers,
timeouts, keep-alive and access log; only the application and its start-up check differ."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
exec(compile((ROOT / "deploy" / "gunicorn.conf.py").read_text(), "deploy/gunicorn.conf.py", "exec"))
del on_starting  # noqa: F821 - CLARA's preflight checks, not this app's
wsgi_app = "floor.wsgi:application"
chdir = str(HERE.parent)
proc_name = "clara-floor"
