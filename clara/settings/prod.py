"""Production: every secret comes from the environment, and a missing one stops the start."""

from django.core.exceptions import ImproperlyConfigured

from . import services
from .base import *  # noqa: F403
from .base import BASE_DIR, LOGGING, SECRET_KEY
from .env import env

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random value of at least 50 characters."
    )
if env.bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must not be enabled in production.")

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
if not env.str("DATABASE_URL", default="") and not env.bool("ALLOW_SQLITE", default=False):
    raise ImproperlyConfigured(
        "DATABASE_URL must be set in production, e.g. postgres://clara@127.0.0.1:5432/clara "
        "(ALLOW_SQLITE=true runs on the SQLite file instead)."
    )

STATIC_ROOT = env.str("STATIC_ROOT", default="") or BASE_DIR / "staticfiles"
# Static files are public: the web server's user reads them (uploads stay 0640).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        **STORAGES["staticfiles"],  # noqa: F405
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}
OTP_REQUIRED_FOR_SUPERUSERS = env.bool("OTP_REQUIRED_FOR_SUPERUSERS", default=True)

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe the application server directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
MAILERS = {
    "default": {
        "BACKEND": SMTP_BACKEND,
        "OPTIONS": {
            "host": env.str("EMAIL_HOST", default="localhost"),
            "port": env.int("EMAIL_PORT", default=25),
            "username": env.str("EMAIL_HOST_USER", default=""),
            "password": env.str("EMAIL_HOST_PASSWORD", default=""),
            "use_tls": env.bool("EMAIL_USE_TLS", default=False),
        },
    }
}
# Another backend only when asked for (e.g. the console one for `make serve`).
if env.str("EMAIL_BACKEND", default=SMTP_BACKEND) != SMTP_BACKEND:
    MAILERS = {"default": {"BACKEND": env.str("EMAIL_BACKEND")}}

# Background work goes to the database queue, processed by `manage.py db_worker`.
TASKS = services.tasks(default="database")
# Without Redis, the cache (pending imports, throttling counts) is a folder that the web
# workers and the task worker of this server share.
CACHES = services.caches(folder=BASE_DIR / "var" / "cache")

# Errors are e-mailed to ADMINS (comma-separated addresses) besides the log.
ADMINS = env.list("ADMINS")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)  # noqa: F405
LOGGING = {
    **LOGGING,
    # A 503 is an answer chosen (a statement over STATEMENT_TIMEOUT_MS, exports busy): logged,
    # not mailed.
    "filters": {**LOGGING["filters"], "not_503": {"()": "ops.logging.SkipServiceUnavailable"}},
    "handlers": {
        **LOGGING["handlers"],
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["not_503"],
        },
    },
    "loggers": {
        **LOGGING["loggers"],
        # The access log already has one line per request, 4xx included.
        "django.request": {"handlers": ["mail_admins"], "level": "ERROR", "propagate": True},
        "django.security": {"handlers": ["mail_admins"], "level": "ERROR", "propagate": True},
        # The worker logs each task's start and end; a failed task is also e-mailed.
        "django.tasks": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        "django_tasks_db": {"handlers": ["mail_admins"], "propagate": True},
    },
}
