"""The shared services, chosen by the environment: cache, private storage, task queue.

Several application servers can run side by side only if nothing they share lives on one
server's disk or memory: set REDIS_URL, PRIVATE_STORAGE=s3 and TASKS_BACKEND=database.
"""

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env


def caches(folder: Path | None = None) -> dict:
    """Redis when REDIS_URL is set (shared by every server); else `folder` (shared by one
    server's processes: web workers and task worker) or, without one, this process's memory.

    "pages" holds rendered public pages (pagecache/cache.py), apart from "default": every new query
    string can add one, so a flood of them may evict pages only, never pending imports, rate
    counts or job progress. They are in a Redis server of their own when PAGE_CACHE_REDIS_URL
    is set (shared by every server), else in each process's memory. Their keys carry the
    content version, which lives in "default" (shared), so a change seen by one process makes
    every process's copies stale.
    """
    url = env.str("REDIS_URL", default="")
    pages_url = env.str("PAGE_CACHE_REDIS_URL", default="")
    prefix = env.str("CACHE_KEY_PREFIX", default="clara")
    if url:
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    elif folder is not None:
        backend = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.str("CACHE_DIR", default=str(folder)),
        }
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if pages_url:
        if url and _server(pages_url) == _server(url):
            raise ImproperlyConfigured(
                "PAGE_CACHE_REDIS_URL must name another Redis server than REDIS_URL: a "
                "server's memory limit and eviction apply to all its databases."
            )
        pages = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": pages_url}
    else:
        pages = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 1_000},
        }
    return {
        "default": {**backend, "KEY_PREFIX": prefix},
        "pages": {**pages, "KEY_PREFIX": prefix},
    }


def _server(url: str) -> tuple:
    parts = urlsplit(url)
    return (parts.hostname, parts.port or 6379, parts.path if parts.scheme == "unix" else "")


def private_storage(base_dir: Path) -> dict:
    """Private documents: a local folder (default) or an S3-compatible bucket."""
    kind = env.str("PRIVATE_STORAGE", default="local").lower()
    if kind == "local":
        return {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {
                "location": env.str("PRIVATE_MEDIA_ROOT", default=str(base_dir / "private_media")),
                "base_url": None,
            },
        }
    if kind != "s3":
        raise ImproperlyConfigured(f"PRIVATE_STORAGE must be 'local' or 's3', not {kind!r}.")
    bucket = env.str("S3_BUCKET", default="")
    if not bucket:
        raise ImproperlyConfigured("S3_BUCKET must name the bucket when PRIVATE_STORAGE=s3.")
    options = {
        "bucket_name": bucket,
        "location": env.str("S3_PREFIX", default="private"),
        "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("S3_REGION", default="") or None,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
    }
    # Without keys, boto3's usual chain applies (instance role, ~/.aws, AWS_* variables).
    if env.str("S3_ACCESS_KEY_ID", default=""):
        options["access_key"] = env.str("S3_ACCESS_KEY_ID")
        options["secret_key"] = env.str("S3_SECRET_ACCESS_KEY", default="")
    return {"BACKEND": "core.storage.PrivateS3Storage", "OPTIONS": options}


def tasks(default: str) -> dict:
    """`immediate` runs a task at once in the caller; `database` queues it for `db_worker`."""
    kind = env.str("TASKS_BACKEND", default=default).lower()
    backends = {
        "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        "database": "django_tasks_db.DatabaseBackend",
    }
    if kind not in backends:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be 'immediate' or 'database', not {kind!r}."
        )
    return {"default": {"BACKEND": backends[kind]}}


def git_commit(folder: Path) -> str:
    """The commit checked out in `folder`, or "" (no git, not a checkout)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
