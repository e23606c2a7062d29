"""The public page cache: whole anonymous GET answers, keyed by a site-wide content version.

Every save or delete of a public-facing record bumps the version (signals, plus the explicit
`bump_content_version()` after bulk writes, and after any staff POST), so a cached page never
outlives the content it shows. See README, "Caching".
"""

import gzip
import hashlib
import os
import re
import tempfile
import time
from collections import OrderedDict
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

VERSION_KEY = "content-version"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# Apps whose records no public page shows: their writes keep the cache.
NON_CONTENT_APPS = {
    "admin",
    "alerts",
    "auth",
    "axes",
    "contenttypes",
    "django_tasks_db",
    "ops",
    "otp_static",
    "otp_totp",
    "sessions",
}
NON_CONTENT_MODELS = {"core.spreadsheetjob", "search.searchexport"}
# Request headers a cached answer may depend on, besides the address and the language.
KEY_HEADERS = ("Accept", "HX-Request", "HX-Target")
# A response varying on anything else is not cached (Cookie: only cookie-less requests are).
ALLOWED_VARY = {"accept", "accept-encoding", "accept-language", "cookie", "hx-request"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
STATIC_PREFIX = "/" + settings.STATIC_URL.lstrip("/")
# Messages are kept in a cookie (then the session) for the next page: that page is not cached.
MESSAGES_COOKIE = "messages"


def page_cache():
    return caches["pages"]


# Pages this process served lately, by key. A key holds the content version, so an entry is
# never stale: a hit needs only the version (one Redis GET or one stat), not the page.
_recent: OrderedDict[str, tuple[float, dict]] = OrderedDict()
RECENT_ENTRIES = 128


def _recent_get(key: str) -> dict | None:
    found = _recent.get(key)
    if found is not None and found[0] > time.monotonic():
        _recent.move_to_end(key)
        return found[1]
    entry = page_cache().get(key)
    if entry is not None:
        _recent_put(key, entry)
    return entry


def _recent_put(key: str, entry: dict) -> None:
    # Kept no longer than the shared copy (pages that depend on the date).
    _recent[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, entry)
    _recent.move_to_end(key)
    while len(_recent) > RECENT_ENTRIES:
        _recent.popitem(last=False)


def _version_file() -> str | None:
    """With the folder cache (one server, no Redis) the version is a file's identity: a stat
    per request, shared by every process of the server."""
    backend = caches["default"]
    if isinstance(backend, FileBasedCache):
        return os.path.join(backend._dir, "content-version")
    return None


def content_version(*, fresh: bool = False) -> str:
    """The current content version: changes on every bump, never comes back. `fresh` reads
    the shared version now, not this process's copy of the last second."""
    path = _version_file()
    if path is not None:
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            _bump_now()
            stat = os.stat(path)
        return f"{stat.st_ino}-{stat.st_mtime_ns}"
    delay, now = settings.PAGE_CACHE_VERSION_SECONDS, time.monotonic()
    if not fresh and delay > 0 and _version_memo[1] is not None and _version_memo[0] > now:
        return _version_memo[1]
    store = caches["default"]
    version = store.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        if not store.add(VERSION_KEY, version, timeout=None):
            version = store.get(VERSION_KEY) or version
    # Read again after PAGE_CACHE_VERSION_SECONDS: another server's change shows that late.
    _version_memo[:] = [now + delay, version] if delay > 0 else [0.0, None]
    return version


_version_memo: list = [0.0, None]  # [until (monotonic), version] of the shared version


def _bump_now() -> None:
    _version_memo[:] = [0.0, None]
    path = _version_file()
    if path is None:
        caches["default"].set(VERSION_KEY, str(time.time_ns()), timeout=None)
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    # A new file (new inode) replaces the old one atomically.
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".content-version-")
    os.close(fd)
    os.replace(temporary, path)


def bump_content_version(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Mark every cached page stale. Call it after writes that send no signal (bulk_create,
    QuerySet.update, raw SQL). Inside a transaction it bumps again at commit, so that a page
    rendered meanwhile from the old rows is not kept under the new version."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _bump_now()
        return
    in_test = any(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)
    if in_test:
        _bump_now()  # a test's transaction never commits
    if not any(func is _bump_now for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_bump_now, using=using)


def _on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    bump_content_version(using=using)


def _on_m2m(sender, action, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_content_version(using=using)


def is_content_model(model) -> bool:
    meta = model._meta
    if meta.app_label in NON_CONTENT_APPS or meta.label_lower in NON_CONTENT_MODELS:
        return False
    # History rows are written with the record itself (whose save bumps already); connecting
    # to them would also stop Django's fast bulk delete of history.
    return not (meta.model_name.startswith("historical") and hasattr(model, "instance_type"))


def connect_signals() -> None:
    """Bump the version on every save, delete and many-to-many change of a content model."""
    from django.apps import apps

    for model in apps.get_models():
        if not is_content_model(model):
            continue
        uid = f"clara-cache-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_on_m2m, sender=through, dispatch_uid=f"{uid}-{field.name}")


@memoize
def code_fingerprint() -> str:
    """A digest of this release's code, templates and translations (RELEASE if set): a deploy
    never serves pages rendered by the previous code."""
    release = getattr(settings, "RELEASE", "")
    if release:
        return release
    digest = hashlib.blake2b(digest_size=8)
    base = Path(settings.BASE_DIR)
    skip = {".venv", "var", "media", "private_media", "staticfiles", "tests", "node_modules"}
    suffixes = (".py", ".html", ".txt", ".mo", ".xml")
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name for name in subfolders if name not in skip and not name.startswith((".", "_"))
        )
        for name in sorted(files):
            if name.endswith(suffixes):
                path = Path(folder, name)
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or base / "staticfiles") / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


@memoize
def _excluded() -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in settings.PAGE_CACHE_EXCLUDE))


def is_cacheable_request(request: HttpRequest) -> bool:
    """An anonymous, cookie-less (for the session and messages) GET of a public address."""
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False
    if "Authorization" in request.headers:
        return False
    return not request.path.startswith(STATIC_PREFIX) and not _excluded().search(request.path)


def page_key(request: HttpRequest, version: str) -> str:
    parts = [
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}",
        translation.get_language_from_request(request, check_path=True),
        *(request.headers.get(name, "") for name in KEY_HEADERS),
    ]
    digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
    return f"page:{code_fingerprint()}:{version}:{digest}"


def _nonce_used(request: HttpRequest) -> bool:
    return bool(getattr(request, "_csp_nonce", None))


def is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    """A complete 200 answer that holds nothing specific to this request: no cookie set, no CSRF
    token, no CSP nonce (each response must have its own), no session or message write."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if (
        response.has_header("Content-Encoding")
        or len(response.content) > settings.PAGE_CACHE_MAX_BYTES
    ):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()}
    if vary - ALLOWED_VARY:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or _nonce_used(request):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and (storage.used or storage.added_new))


# Set again on every answer by the middleware around this one.
UNSTORED_HEADERS = {"content-length", "set-cookie", "x-request-id"}


def _entry(response: HttpResponse) -> dict:
    """What a hit needs, computed once: both bodies and each one's complete headers."""
    content = response.content
    packed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) >= 200 else b""
    gzipped = packed if packed and len(packed) < len(content) else None
    headers = {k: v for k, v in response.headers.items() if k.lower() not in UNSTORED_HEADERS}
    # Browsers may keep the page, but ask each time (a 304 when nothing changed).
    headers["Cache-Control"] = "no-cache"
    headers["ETag"] = f'W/"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'
    headers["Last-Modified"] = http_date(time.time())
    headers["X-Cache"] = "hit"
    if gzipped is not None:
        varied = HttpResponse()
        varied.headers["Vary"] = headers.get("Vary", "")
        patch_vary_headers(varied, ["Accept-Encoding"])
        headers["Vary"] = varied.headers["Vary"].lstrip(", ")
    plain = {**headers, "Content-Length": str(len(content))}
    return {
        "status": response.status_code,
        "plain": (content, plain),
        "gzip": (
            gzipped,
            {**headers, "Content-Encoding": "gzip", "Content-Length": str(len(gzipped))},
        )
        if gzipped is not None
        else None,
        "etag": headers["ETag"],
        "last_modified": headers["Last-Modified"],
    }


def _response(request: HttpRequest, entry: dict) -> HttpResponse:
    variant = entry["plain"]
    if entry["gzip"] is not None and ACCEPTS_GZIP.search(
        request.headers.get("Accept-Encoding", "")
    ):
        variant = entry["gzip"]
    content, headers = variant
    return HttpResponse(content, status=entry["status"], headers=headers)


def _not_modified(request: HttpRequest, entry: dict) -> HttpResponse | None:
    """A 304 when the client holds exactly the stored body (its ETag or its date)."""
    if "If-None-Match" not in request.headers and "If-Modified-Since" not in request.headers:
        return None
    last_modified = parse_http_date_safe(entry["last_modified"])
    answer = get_conditional_response(request, etag=entry["etag"], last_modified=last_modified)
    if answer is None or answer.status_code != 304:
        return None
    # The stored page's headers (CSP included): a browser updates its copy's headers with them.
    for name, value in entry["plain"][1].items():
        if name.lower() not in {"content-length", "content-type"}:
            answer.headers[name] = value
    return answer


def _throttle_allows(request: HttpRequest) -> bool:
    """API answers from the cache count against the API's rates like any other (a miss is
    counted by the view itself)."""
    if not request.path.startswith(settings.PAGE_CACHE_THROTTLED_PREFIX):
        return True
    from rest_framework.request import Request
    from rest_framework.settings import api_settings

    drf_request = Request(request)
    return all(
        throttle().allow_request(drf_request, None)
        for throttle in api_settings.DEFAULT_THROTTLE_CLASSES
    )


class PublicPageCacheMiddleware:
    """Serves anonymous public GETs from the page cache, with ETag/Last-Modified and 304s.

    Sits near the top (after SecurityMiddleware and GZipMiddleware): a hit skips the rest of
    the stack, whose headers (CSP without nonce, Content-Language, Vary…) are stored with the
    page; it touches neither the session nor the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_cacheable_request(request):
            response = self.get_response(request)
            self._after_write(request, response)
            return response
        key = page_key(request, content_version())
        entry = _recent_get(key)
        if entry is not None:
            answer = _not_modified(request, entry)
            if answer is not None:
                return answer
            if not _throttle_allows(request):
                return self.get_response(request)  # the view answers 429
            return _response(request, entry)
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            return response
        entry = _entry(response)
        page_cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        _recent_put(key, entry)
        # The same body as the client's copy (rendered by another process, or before expiry).
        answer = _not_modified(request, entry)
        if answer is not None:
            return answer
        response = _response(request, entry)
        response.headers["X-Cache"] = "miss"
        return response

    @staticmethod
    def _after_write(request: HttpRequest, response: HttpResponse) -> None:
        """A staff member's successful POST (admin form, bulk action, import) may change any
        page, through writes that send no signal: bump the version."""
        if request.method in SAFE_METHODS or response.status_code >= 400:
            return
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            bump_content_version()
