"""Aggregates every visitor sees alike (the partner map, the mobility figures), computed once
per content version and language, then read from the cache.

A save or a deletion of a model the aggregate reads bumps its version (signals); bulk writes
that send no signal are caught up by the timeout.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

TIMEOUT = 60 * 60


def _version_key(name: str) -> str:
    return f"aggregate:{name}:version"


def bump(name: str) -> None:
    try:
        cache.incr(_version_key(name))
    except ValueError:
        cache.set(_version_key(name), 1, None)


def cached(name: str, build: Callable[[], object], *, variant: str = "", timeout: int = TIMEOUT):
    """`build()`'s result for this version of `name`, the active language and `variant` (a
    record's own aggregate, for instance)."""
    version = cache.get_or_set(_version_key(name), 1, None)
    key = f"aggregate:{name}:{version}:{translation.get_language()}:{variant}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, timeout)
    return found


def invalidate_on(name: str, *models) -> None:
    """Bump `name`'s version whenever one of `models` is saved or deleted."""

    def forget(**kwargs) -> None:
        bump(name)

    for model in models:
        label = model._meta.label
        post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"{name}-save-{label}")
        post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"{name}-del-{label}")
