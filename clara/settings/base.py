"""Settings shared by every environment; the operational variables come from the environment
(clara/settings/env.py, docs/configuration.md); tuning constants are plain settings here."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from . import services
from .env import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # The admin's theme (docs/admin.md): before the admin and the packages whose templates it
    # restyles (import-export, simple-history).
    "unfold.apps.BasicAppConfig",  # the site stays ours (backoffice.sites.ClaraAdminSite)
    "unfold.contrib.filters",
    "unfold.contrib.forms",
    "unfold.contrib.import_export",
    "unfold.contrib.simple_history",
    "backoffice.apps.ClaraAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_countries",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_filters",
    "django_tasks_db",
    "simple_history",
    "import_export",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "pagecache",
    "adminkit",
    "backoffice",
    "search",
    "api",
    "alerts",
    "themes",
    "thesaurus",
    "institutions",
    "contacts",
    "introductions",
    "savedsearches",
    "people",
    "partnerships",
    "mobility",
    "events",
    "programmes",
    "euprojects",
    "evidence",
    "website",
    "dataset",
    "sources",
    "reports",
    "ops",
]

MIDDLEWARE = [
    "ops.middleware.RequestIdMiddleware",
    # A statement cancelled by STATEMENT_TIMEOUT_MS answers 503, not a 500 mailed to the admins.
    "ops.middleware.StatementTimeoutMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses what the page cache has not already (with Django's BREACH mitigation).
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous public GETs from the cache: a hit skips the rest (session, auth, database).
    "pagecache.cache.PublicPageCacheMiddleware",
    "core.middleware.RejectNulMiddleware",
    # French typography on every French HTML answer (above LocaleMiddleware: it reads the
    # answer's Content-Language; below the page cache: pages are cached already set).
    "core.middleware.FrenchTypographyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # The back-office's pages get ADMIN_CSP (its theme's scripts need it); the public site keeps
    # SECURE_CSP.
    "backoffice.middleware.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clara.urls"
WSGI_APPLICATION = "clara.wsgi.application"
ASGI_APPLICATION = "clara.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# With no DATABASE_URL, an SQLite file is the embedded default (the demo).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
# Web requests only: a statement running longer is cancelled, and the visitor gets a 503 page
# (ops.middleware.StatementTimeoutMiddleware) rather than a worker held for minutes. The web
# server's entry points (clara/wsgi.py, clara/asgi.py) set CLARA_WEB_PROCESS; management
# commands, migrations and the task worker run without a limit. 0: no limit.
STATEMENT_TIMEOUT_MS = env.int("STATEMENT_TIMEOUT_MS", default=10_000)
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    # No JIT: compiling a search's plan (its LIMIT-bounded costs look large) took 300-400 ms
    # for queries that run in 10-50 ms; web requests never gain from it.
    # No synchronized sequential scans: a search's candidates (the first matches of a scan
    # stopped by its LIMIT) would otherwise start wherever another scan of the table is, and
    # differ from one request (one page of results) to the next.
    # No parallel workers: starting them cost a bounded search 10-15 ms before its first row,
    # and concurrent requests already keep every core busy.
    options = "-c jit=off -c synchronize_seqscans=off -c max_parallel_workers_per_gather=0"
    if STATEMENT_TIMEOUT_MS and env.str("CLARA_WEB_PROCESS", default="") == "1":
        options += f" -c statement_timeout={STATEMENT_TIMEOUT_MS}"
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Applicants and external reviewers: a one-time link sent by e-mail (never staff).
    "programmes.backends.EmailLinkBackend",
]
# Login guessing: after AXES_FAILURE_LIMIT failures an account, and separately an address, waits
# AXES_COOLOFF_TIME. Attempts are kept in the database, so every server shares the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 15 / 60  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = []  # the security log names the account and address (never passwords)
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Proxies in front of the application (1 behind nginx): the client's address is then read from
# X-Forwarded-For by core.clients.client_address, for axes, the API's rates, exports and logs.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
# Two-factor authentication: staff may add a TOTP device; superusers must have one when true.
OTP_REQUIRED_FOR_SUPERUSERS = env.bool("OTP_REQUIRED_FOR_SUPERUSERS", default=False)
OTP_TOTP_ISSUER = "CLARA Partnerships"
# No per-device throttle: its delay doubles with every wrong code and never resets but on a right
# one, so a password holder could keep the owner's device refusing codes for days. Wrong codes
# count as failed sign-ins instead (axes, above: per account and per address).
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 0

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
# django-countries names Nauru by its own name ("Naoero"): the English and French pages say Nauru.
COUNTRIES_OVERRIDE = {"NR": _("Nauru")}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# English pages in British conventions (8 March 2018); French ones in Django's French formats.
FORMAT_MODULE_PATH = ["clara.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
# The PostgreSQL text search configuration of each content language (search documents).
SEARCH_CONFIGS = {"fr": "french", "en": "english"}
# The partner search ranks, counts and facets at most this many matches (beyond: "more than").
SEARCH_CANDIDATES = 1_000
# API lists count up to this many results (then `count_capped`), never the whole table.
API_COUNT_CAP = 1_000
# Numbered pages of a list with cursors stop here (25 rows a page): deeper, the `next` links.
API_MAX_PAGE = 200
# A collaboration's members and an agreement's parties shown in its API answer; all of them are
# on their own paginated list (`members_url`, `parties_url`).
API_RELATED_SHOWN = 50
# A search CSV export of at most this many rows is streamed by the request.
SEARCH_EXPORT_MAX_ROWS = 10_000
# A broader search export, up to this many rows, is written by the task worker (search/exports.py)
# and downloaded from its page by its random token; beyond, it is refused with the reason.
SEARCH_EXPORT_BACKGROUND_MAX_ROWS = 500_000
# Its file is deleted this long after it was asked for (manage.py expire_search_exports).
SEARCH_EXPORT_KEEP_HOURS = 24
# Abuse: background exports waiting or running at once (site-wide), asked per client an hour.
SEARCH_EXPORT_MAX_RUNNING = 3
SEARCH_EXPORT_PER_CLIENT_HOUR = 5
# The files kept until they expire hold at most this many rows in all (~300 bytes a row).
SEARCH_EXPORT_MAX_KEPT_ROWS = 5_000_000
# An identical search asked again within this many minutes gets the same export.
SEARCH_EXPORT_REUSE_MINUTES = 10
# An export with no progress for this long (its worker stopped) is reported as failed.
SEARCH_EXPORT_STALLED_MINUTES = 30
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en"), "fr": ("en",), "en": ("fr",)}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Signed agreements and other documents: never under a public URL.
    "private": services.private_storage(BASE_DIR),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640  # private documents: readable by the server's group only
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
AGREEMENT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The back-office's theme (django-unfold; docs/admin.md): CLARA's name and colours, the sidebar
# grouped by what staff do (backoffice/navigation.py), French/English switch.
UNFOLD = {
    "SITE_TITLE": _("CLARA Partnerships"),
    "SITE_HEADER": _("CLARA Partnerships"),
    "SITE_SUBHEADER": _("Back-office"),
    "SITE_URL": "/",
    "SITE_SYMBOL": "public",
    "SITE_FAVICONS": [
        {"rel": "icon", "type": "image/svg+xml", "href": "backoffice.navigation.favicon"}
    ],
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": True,
    "SHOW_LANGUAGES": True,
    "LANGUAGES": {"action": "backoffice.navigation.language_action"},
    "ENVIRONMENT": "backoffice.navigation.environment",
    "STYLES": ["backoffice.navigation.styles"],
    "BORDER_RADIUS": "6px",
    "COLORS": {
        # A restrained blue-teal (hue 225-236 in OKLCH), from the public site's palette.
        "primary": {
            "50": "oklch(97.5% .013 225)",
            "100": "oklch(94.5% .03 225)",
            "200": "oklch(89% .055 225)",
            "300": "oklch(81% .085 225)",
            "400": "oklch(70% .11 225)",
            "500": "oklch(60% .12 226)",
            "600": "oklch(51% .11 228)",
            "700": "oklch(44% .095 230)",
            "800": "oklch(37.5% .08 232)",
            "900": "oklch(32% .065 234)",
            "950": "oklch(23% .05 236)",
        },
    },
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": True,
        "navigation": "backoffice.navigation.sidebar",
    },
}

# The back-office (staff only, behind two factors): django-unfold's Alpine.js evaluates its
# attributes (unsafe-eval) and its colours are an inline style sheet (unsafe-inline styles).
# Scripts still come from this site only.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.NONCE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGIN_URL = "admin:login"
# Where a sign-in lands when its `next` is missing or points off the site.
LOGIN_REDIRECT_URL = "admin:index"
# `ensure_admin` may create admin / clara-demo (the demo and the tests only).
ALLOW_DEMO_ADMIN = False

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_TMP_STORAGE_CLASS = "adminkit.spreadsheets.PendingImport"
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_UNPACKED_BYTES = 50 * 1000 * 1000
IMPORT_MAX_ROWS = 20_000
# A confirmed import of more rows than this runs in the task worker, with a progress page.
IMPORT_BACKGROUND_ROWS = 2_000
# An export of more records than this is written by the task worker, then downloaded.
EXPORT_BACKGROUND_ROWS = 5_000
EXPORT_MAX_ROWS = 500_000
# Background imports and exports (rows and files) are deleted this long after they were started
# (manage.py expire_admin_exports, hourly).
EXPORT_KEEP_HOURS = 24
# A file chosen on a refused form, kept for the next try (adminkit/kept_uploads.py).
KEPT_UPLOAD_KEEP_HOURS = 24
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

MAILERS = {
    "default": {
        "BACKEND": env.str(
            "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
        )
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="international@canceropole-clara.local")

# Programmes (docs/programmes.md): the e-mailed sign-in link (django-sesame), its lifetime and
# how many one address may ask for per hour; rejected applications kept this many days after
# the decision; the spread between reviewers' scores (out of 5) flagged on the ranking.
SESAME_MAX_AGE = 30 * 60
SESAME_ONE_TIME = True
SESAME_TOKEN_NAME = "token"
PROGRAMMES_LINKS_PER_HOUR = 5
PROGRAMMES_RETENTION_DAYS = 2 * 365
PROGRAMMES_SPREAD_FLAG = 1.5

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The session, verified by the second factor where required; no HTTP Basic
    # (api/authentication.py).
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.VerifiedSessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StrictPagePagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonymousRateThrottle",
        "api.throttling.AccountRateThrottle",
    ],
}
# Throttling counts live in the cache: shared by every server when REDIS_URL is set.


def _rate(name: str, default: str) -> str | None:
    """A DRF rate such as "120/minute", or "off" for no limit (the load benchmark)."""
    value = env.str(name, default=default).strip()
    return None if value.lower() == "off" else value


API_RATE_ANONYMOUS = _rate("API_RATE_ANONYMOUS", "120/minute")
API_RATE_ACCOUNT = _rate("API_RATE_ACCOUNT", "600/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "CLARA Partnerships API",
    "DESCRIPTION": "Public data on the Cancéropôle CLARA's international collaborations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"DatePrecisionEnum": "core.models.DatePrecision"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_errors",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.logging.RequestIdFilter"}},
    "formatters": {
        "line": {
            "format": (
                "%(asctime)s %(levelname)s %(name)s rid=%(request_id)s client=%(client)s "
                "%(message)s"
            )
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    # Django's own console handler would print each line a second time through the root.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

WORLD_MAP_TOPOJSON = "vendor/world-atlas/countries-110m.json"

# The office researchers write to for an introduction (an office address, never a person's).
CLARA_CONTACT_EMAIL = env.str("CLARA_CONTACT_EMAIL", default="")
CLARA_WEBSITE = "https://www.canceropole-clara.com"
# Introduction requests (docs/introductions.md): the office told of each new one (by default the
# contact address above; none: the request is in the back-office only).
INTRODUCTION_OFFICE_EMAIL = env.str("INTRODUCTION_OFFICE_EMAIL", default="") or CLARA_CONTACT_EMAIL
# Personal data: a request is deleted this long after it was closed (expire_introductions).
INTRODUCTION_RETENTION_DAYS = 730
# Abuse: requests from one e-mail address a day, and from one client (IP address) an hour.
INTRODUCTION_PER_ADDRESS_DAY = 3
INTRODUCTION_PER_CLIENT_HOUR = 10
# Saved searches: confirmation link valid (then the unconfirmed search is deleted), searches per
# address, new searches per client an hour, results listed in a digest, keys remembered.
SAVED_SEARCH_CONFIRM_DAYS = 7
SAVED_SEARCH_PER_ADDRESS = 20
SAVED_SEARCH_PER_CLIENT_HOUR = 10
SAVED_SEARCH_DIGEST_MAX = 20
SAVED_SEARCH_SEEN_MAX = 500

CACHES = services.caches()
# Anonymous public pages and API answers are kept this long at most (0: no page cache), with
# the versions of the content they show (pagecache/cache.py, pagecache/versions.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# After a change, the previous page (or aggregate) is served for this long at most while one
# request rebuilds it once it has answered (0: the first request after a change renders it).
PAGE_CACHE_STALE_SECONDS = 30
# Each process reads the shared content versions at most this often (its own changes show at
# once): 0 reads them on every request.
PAGE_CACHE_VERSION_SECONDS = 1.0
PAGE_CACHE_MAX_BYTES = 2 * 1024 * 1024
PAGE_CACHE_EXCLUDE = [
    r"^/admin/",
    r"^/backoffice/",
    r"^/calendar/staff/",
    r"^/calendar/my-calendar/",
    r"^/healthz$",
    r"/export\.csv$",
    r"/search/exports/",
    r"^/[a-z]{2}/introductions/",
    r"^/[a-z]{2}/saved-searches/",  # an export's page, by its token: it changes as the file is made
]
# Answers from the cache still count against the API's rates.
PAGE_CACHE_HIT_CHECK = "api.throttling.cached_answer_allowed"
# The deployed code's name, part of every page cache key: a deploy never serves the previous
# code's pages. Set it at deploy (e.g. the git commit); by default the checkout's git commit,
# read once at start, or nothing.
RELEASE = env.str("RELEASE", default="") or services.git_commit(BASE_DIR)
TASKS = services.tasks(default="immediate")
