"""The demo and local development: SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .env import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="") or "dev-only-insecure-key-do-not-use-in-production"
# Synthetic data at scale (generate_synthetic_data): development, tests and the benchmark only.
INSTALLED_APPS = [*INSTALLED_APPS, "synthetic"]  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the apps and static/ directly (no collectstatic outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

ALLOW_DEMO_ADMIN = True
