"""Aggregates every visitor sees alike (the partner map, the mobility figures), computed once
per content version and language, then read from the cache.

The content version (`core.cache`) changes on every write to a public-facing model, staff POST
and import, so an aggregate is never older than the data it summarises.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.utils import translation

from core.cache import content_version

TIMEOUT = 60 * 60


def cached(name: str, build: Callable[[], object], *, variant: str = "", timeout: int = TIMEOUT):
    """`build()`'s result for this content version, `name`, the active language and `variant`
    (a record's own aggregate, for instance)."""
    key = f"aggregate:{name}:{content_version()}:{translation.get_language()}:{variant}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, timeout)
    return found
