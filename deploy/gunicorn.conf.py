"""Gunicorn settings for CLARA Partnerships; each can be overridden by the environment."""

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

wsgi_app = "clara.wsgi:application"
chdir = str(ROOT)
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: (2 x CPUs) + 1 is gunicorn's rule of thumb.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads in each worker: what a request does once answered (a stale page or aggregate rebuilt,
# pagecache/after_response.py) holds one thread, not every request queued behind it on the worker.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a request taking longer is killed
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (a slow leak cannot grow for ever), not so often that a busy
# server keeps booting workers and emptying their page caches (pagecache/cache.py): at 1,400
# cached requests a second on 2 workers, 20,000 meant a new worker every ~15 s; a million is
# ~20 min per worker. The jitter (± 25 %) keeps the workers from being replaced together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = max_requests // 4
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# One line per request: client (as core.clients reads it, set by ops.middleware), request,
# status, bytes, milliseconds, request id.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = (
    '%({clara.client}e)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s "%(a)s"'
)
proc_name = "clara-web"
# gunicorn's control socket is one per user by default: several servers on one host would clash.
control_socket_disable = True


def on_starting(server) -> None:
    """Refuse to start (one line, exit 1) on a configuration mistake or uncollected static files.

    Run in a child process so the master loads no application code (reloads stay clean).
    """
    env = {"DJANGO_SETTINGS_MODULE": "clara.settings.prod", **os.environ}
    result = subprocess.run(
        [sys.executable, "manage.py", "preflight"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        message = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
        print(f"clara: not starting: {' '.join(message)}", file=sys.stderr, flush=True)
        sys.exit(1)
