"""The public page cache: whole anonymous GET answers in the "pages" cache, with the content
versions (pagecache.versions) of what they show.

A page is fresh while those versions hold. After a change, the previous page is served at once
(`X-Cache: stale`, for PAGE_CACHE_STALE_SECONDS at most) while the one request that takes the
rebuild lock renders it again once its own answer is sent. See docs/caching.md.
"""

import gzip
import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from functools import cache as memoize

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string

from . import versions
from .after_response import after_response
from .versions import bump_content_version, content_version  # noqa: F401 (the writers' API)

logger = logging.getLogger(__name__)

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


def page_depends_on(request: HttpRequest, *, records, through_apps: set[str]) -> None:
    """This page shows what `through_apps` hold only as it concerns `records` (an institution's
    own collaborations, say): a change there makes it stale only when the changed row names one
    of them in its `cache_tags()`. Any other content change still does."""
    tags = {versions.record_tag(type(record), record.pk) for record in records}
    request.page_cache_tags = versions.content_tags(except_apps=frozenset(through_apps)) | tags
    request.page_cache_versions = versions.versions(tags)


# Pages this process served lately, by key: a hit needs only the versions, not the page.
_recent: OrderedDict[str, tuple[float, dict]] = OrderedDict()
_recent_lock = threading.Lock()  # the server's threads share it (gunicorn's gthread workers)
RECENT_ENTRIES = 128


def _recent_get(key: str) -> dict | None:
    with _recent_lock:
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
    with _recent_lock:
        _recent[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, entry)
        _recent.move_to_end(key)
        while len(_recent) > RECENT_ENTRIES:
            _recent.popitem(last=False)


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


def page_key(request: HttpRequest) -> str:
    parts = [
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}",
        translation.get_language_from_request(request, check_path=True),
        *(request.headers.get(name, "") for name in KEY_HEADERS),
    ]
    digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
    return f"page:{settings.RELEASE}:{digest}"


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
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or get_nonce(request):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    storage = get_messages(request)
    return not (getattr(storage, "used", False) or getattr(storage, "added_new", False))


# Set again on every answer by the middleware around this one.
UNSTORED_HEADERS = {"content-length", "set-cookie", "x-request-id"}


def _entry(response: HttpResponse, kept: dict[str, str]) -> dict:
    """What a hit needs, computed once: both bodies, each one's headers, and the versions."""
    content = response.content
    packed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) >= 200 else b""
    gzipped = packed if packed and len(packed) < len(content) else None
    headers = {k: v for k, v in response.headers.items() if k.lower() not in UNSTORED_HEADERS}
    # Browsers may keep the page, but ask each time (a 304 when nothing changed).
    headers["Cache-Control"] = "no-cache"
    headers["ETag"] = f'W/"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'
    headers["Last-Modified"] = http_date(time.time())
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
        "versions": kept,
    }


def _response(request: HttpRequest, entry: dict, state: str) -> HttpResponse:
    variant = entry["plain"]
    if entry["gzip"] is not None and ACCEPTS_GZIP.search(
        request.headers.get("Accept-Encoding", "")
    ):
        variant = entry["gzip"]
    content, headers = variant
    response = HttpResponse(content, status=entry["status"], headers=headers)
    response.headers["X-Cache"] = state
    return response


def _not_modified(request: HttpRequest, entry: dict, state: str) -> HttpResponse | None:
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
    answer.headers["X-Cache"] = state
    return answer


def _state(entry: dict) -> str:
    """hit (fresh), stale (changed PAGE_CACHE_STALE_SECONDS ago at most), or miss."""
    age = versions.changed_since(entry["versions"])
    if age is None:
        return "hit"
    return "stale" if age <= settings.PAGE_CACHE_STALE_SECONDS else "miss"


@memoize
def _hit_check():
    """PAGE_CACHE_HIT_CHECK: a function of the request that may refuse a cached answer (the API
    counts it against its rates); the view then answers."""
    path = settings.PAGE_CACHE_HIT_CHECK
    return import_string(path) if path else None


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
            return self.get_response(request)
        key = page_key(request)
        entry = _recent_get(key)
        state = _state(entry) if entry is not None else "miss"
        if state == "miss":
            return self._render(request, key)
        answer = _not_modified(request, entry, state)
        if answer is None:
            check = _hit_check()
            if check is not None and not check(request):
                return self.get_response(request)  # the view answers (429)
            answer = _response(request, entry, state)
        if state == "stale":
            self._rebuild_later(request, key)
        return answer

    def _rebuild_later(self, request: HttpRequest, key: str) -> None:
        """The one request that takes the lock renders the page again once it has answered."""
        lock = f"page-rebuild:{key}"
        if caches["default"].add(lock, 1, timeout=max(1, settings.PAGE_CACHE_STALE_SECONDS)):
            after_response(lambda: self._rebuild(request, key, lock))

    def _rebuild(self, request: HttpRequest, key: str, lock: str) -> None:
        try:
            self._render(request, key)
        finally:
            caches["default"].delete(lock)

    def _render(self, request: HttpRequest, key: str) -> HttpResponse:
        before = versions.versions(versions.content_tags())  # read before the rows
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            return response
        tags = getattr(request, "page_cache_tags", None) or versions.content_tags()
        kept = {tag: before[tag] for tag in tags if tag in before}
        kept.update(getattr(request, "page_cache_versions", {}))
        entry = _entry(response, kept)
        page_cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        _recent_put(key, entry)
        # The same body as the client's copy (rendered by another process, or before expiry).
        return _not_modified(request, entry, "miss") or _response(request, entry, "miss")
