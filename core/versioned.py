"""Values every visitor sees alike, computed once per content version and language.

The content version (`core.cache`) changes on every write to a public-facing model, staff POST
and import, so such a value is never older than the data it summarises. Two stores, one key:
- `cached`: aggregates (the partner map, the mobility figures, the iCal feed) in the shared
  cache, built by one worker and read by the others;
- `memoized`: small values (filter choices drawn from the data) in this process's memory.
"""

import functools
from collections.abc import Callable

from django.core.cache import cache
from django.utils import translation

from core.cache import content_version

TIMEOUT = 60 * 60
MEMO_ENTRIES = 16  # versions × languages kept per memoized function


def key(name: str, variant: str = "", *, fresh: bool = False) -> str:
    """The key of `name` (and `variant`) for this content version and the active language
    (`fresh`: the shared version read now, see `content_version`)."""
    version = content_version(fresh=fresh)
    return f"aggregate:{name}:{version}:{translation.get_language()}:{variant}"


def cached(
    name: str,
    build: Callable[[], object],
    *,
    variant: str = "",
    timeout: int = TIMEOUT,
    fresh: bool = False,
):
    """`build()`'s result for this content version, `name`, the active language and `variant`
    (a record's own aggregate, for instance), from the shared cache. `fresh`: the shared
    version is read now, not the copy this process keeps for PAGE_CACHE_VERSION_SECONDS (a
    staff member's figures right after an edit made through another server process)."""
    found_key = key(name, variant, fresh=fresh)
    found = cache.get(found_key)
    if found is None:
        found = build()
        cache.set(found_key, found, timeout)
    return found


def memoized(func):
    """A function without arguments, memoized in this process per content version and
    language: computed once per change instead of per request, with or without the page
    cache."""
    memo = {}
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper():
        found_key = key(name)
        if found_key not in memo:
            if len(memo) >= MEMO_ENTRIES:
                memo.clear()
            memo[found_key] = func()
        return memo[found_key]

    wrapper.cache_clear = memo.clear
    return wrapper
