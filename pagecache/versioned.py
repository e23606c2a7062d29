"""Values every visitor sees alike, kept with the content versions they were computed from
(pagecache.versions), per language.

- `cached`: aggregates (the partner map, the mobility figures, the iCal feed, the dashboard's
  counts) in the shared cache. After a change the previous value is served at once (for
  PAGE_CACHE_STALE_SECONDS at most) while the one request that takes the lock computes the new
  one once it has answered: no visitor waits for an aggregate.
- `memoized`: small values (filter choices drawn from the data) in this process's memory.
"""

import functools
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from pagecache import versions
from pagecache.after_response import after_response

TIMEOUT = 60 * 60
MEMO_ENTRIES = 16  # versions × languages kept per memoized function


def key(name: str, variant: str = "") -> str:
    return f"aggregate:{settings.RELEASE}:{name}:{translation.get_language()}:{variant}"


def cached(
    name: str,
    build: Callable[[], object],
    *,
    variant: str = "",
    timeout: int = TIMEOUT,
    fresh: bool = False,
):
    """`build()`'s result for `name`, the active language and `variant` (a record's own
    aggregate, for instance), from the shared cache. `fresh`: the shared versions are read now,
    not the copy this process keeps for PAGE_CACHE_VERSION_SECONDS (a staff member's figures
    right after an edit made through another server process)."""
    found_key = key(name, variant)
    found = cache.get(found_key)
    if found is not None:
        age = versions.changed_since(_fresh(found["versions"], fresh))
        if age is None:
            return found["value"]
        if age <= settings.PAGE_CACHE_STALE_SECONDS:
            _rebuild_later(found_key, build, timeout)
            return (cache.get(found_key) or found)["value"]  # new if rebuilt already
    return _build(found_key, build, timeout)


def _fresh(kept: dict, fresh: bool) -> dict:
    if fresh:
        versions.versions(kept, fresh=True)  # refreshes this process's copy
    return kept


def _build(found_key: str, build: Callable[[], object], timeout: int):
    before = versions.versions(versions.content_tags())  # read before the rows
    value = build()
    cache.set(found_key, {"value": value, "versions": before}, timeout)
    return value


def _rebuild_later(found_key: str, build: Callable[[], object], timeout: int) -> None:
    """Once this request has answered (at once outside a request), by one process at a time."""
    lock = f"rebuild:{found_key}"
    if not cache.add(lock, 1, timeout=max(1, settings.PAGE_CACHE_STALE_SECONDS)):
        return
    language = translation.get_language()

    def rebuild():
        try:
            with translation.override(language):
                _build(found_key, build, timeout)
        finally:
            cache.delete(lock)

    after_response(rebuild)


def memoized(func):
    """A function without arguments, memoized in this process per content version and
    language: computed once per change instead of per request, with or without the page
    cache."""
    memo = {}
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper():
        found_key = (name, versions.content_version(), translation.get_language())
        if found_key not in memo:
            if len(memo) >= MEMO_ENTRIES:
                memo.clear()
            memo[found_key] = func()
        return memo[found_key]

    wrapper.cache_clear = memo.clear
    return wrapper
