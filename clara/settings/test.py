"""The test suite: SQLite by default, PostgreSQL when DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "synthetic"]  # noqa: F405
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "var" / "test-private-media"), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the apps and static/ directly (no collectstatic outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

ALLOW_DEMO_ADMIN = True
API_RATE_ANONYMOUS = API_RATE_ACCOUNT = "100000/minute"  # a throttling test sets its own
# Tests measure rendering (query counts, sizes): the page cache is on only where a test turns it
# on (tests/pagecache/test_page_cache.py), in local memory.
PAGE_CACHE_SECONDS = 0
PAGE_CACHE_VERSION_SECONDS = 0
# Tests read what they just wrote: no stale answer, except where a test asks for one.
PAGE_CACHE_STALE_SECONDS = 0
