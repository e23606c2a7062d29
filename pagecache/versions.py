"""Content versions: one per model of the public content (and per record where a page asks),
kept in the shared cache ("default"), changed by every save, delete and many-to-many change.

A cached page or aggregate keeps the versions of what it depends on; it is fresh while they are
unchanged. A version is the time of its last change (nanoseconds), so a stale copy knows how long
ago it went stale (bounded staleness, PAGE_CACHE_STALE_SECONDS). See docs/caching.md.
"""

import hashlib
import time
from functools import cache as memoize
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "content-version:"
# The time of the last change that withdrew something from the public (a deletion, an
# unpublished or confidential record, a removed link): no page kept from before it is served.
WITHDRAWN_PREFIX = "content-withdrawn:"
# Bumped by `bump_content_version()` (writes that send no signal): every page depends on it.
EVERYTHING = "*"
MEMO_TAGS = 10_000

# This process's copy of the shared versions: tag -> (read again after (monotonic), version).
_memo: dict[str, tuple[float, str]] = {}


def model_tag(model) -> str:
    return model._meta.concrete_model._meta.label_lower


def record_tag(model, pk) -> str:
    return f"{model_tag(model)}:{pk}"


def is_content_model(model) -> bool:
    """A model of an app that declares `public_content = True` on its AppConfig. History rows
    are written with their record (whose save bumps already)."""
    meta = model._meta
    if not getattr(meta.app_config, "public_content", False):
        return False
    return not (meta.model_name.startswith("historical") and hasattr(model, "instance_type"))


@memoize
def content_models() -> tuple:
    return tuple(model for model in apps.get_models() if is_content_model(model))


def content_tags(*, except_apps: frozenset[str] = frozenset()) -> frozenset[str]:
    """The tag of every content model, and EVERYTHING; without the models of `except_apps`
    that name the records a change concerns (`cache_tags()`)."""
    tags = {
        model_tag(model)
        for model in content_models()
        if model._meta.app_label not in except_apps or not hasattr(model, "cache_tags")
    }
    return frozenset(tags | {EVERYTHING})


def versions(tags, *, fresh: bool = False) -> dict[str, str]:
    """The current version of each tag. This process reads the shared ones again after
    PAGE_CACHE_VERSION_SECONDS (its own changes show at once); `fresh` reads them now."""
    now, delay = time.monotonic(), settings.PAGE_CACHE_VERSION_SECONDS
    found, unread = {}, []
    for tag in tags:
        memo = _memo.get(tag)
        if memo is not None and memo[0] > now and not fresh:
            found[tag] = memo[1]
        else:
            unread.append(tag)
    if unread:
        store = caches["default"]
        stored = store.get_many([PREFIX + tag for tag in unread])
        if len(_memo) + len(unread) > MEMO_TAGS:
            _memo.clear()
        for tag in unread:
            version = stored.get(PREFIX + tag)
            if version is None:  # never changed, or evicted: a new version, never an old one
                version = str(time.time_ns())
                if not store.add(PREFIX + tag, version, timeout=None):
                    version = store.get(PREFIX + tag, version)
            found[tag] = version
            if delay > 0:
                _memo[tag] = (now + delay, version)
    return found


def changed_since(kept: dict[str, str]) -> float | None:
    """Seconds since the first change to `kept` versions, None when none changed; infinite
    when one of the changes withdrew something from the public (never served stale)."""
    current = versions(kept)
    changed = [tag for tag in kept if current[tag] != kept[tag]]
    if not changed:
        return None
    withdrawn = caches["default"].get_many([WITHDRAWN_PREFIX + tag for tag in changed])
    try:
        if any(int(withdrawn.get(WITHDRAWN_PREFIX + t, 0)) > int(kept[t]) for t in changed):
            return float("inf")
        return max(0.0, time.time() - min(int(current[t]) for t in changed) / 1e9)
    except ValueError:
        return float("inf")


def content_version() -> str:
    """One digest of every content model's version: changes on any change of content."""
    current = versions(content_tags())
    joined = "\n".join(f"{tag}={current[tag]}" for tag in sorted(current))
    return hashlib.blake2b(joined.encode(), digest_size=8).hexdigest()


def _bump_now(tags, withdrawn: bool = False) -> None:
    version = str(time.time_ns())
    values = {PREFIX + tag: version for tag in tags}
    if withdrawn:
        values.update({WITHDRAWN_PREFIX + tag: version for tag in tags})
    caches["default"].set_many(values, timeout=None)
    for tag in tags:
        _memo.pop(tag, None)


def bump(tags, *, using: str = DEFAULT_DB_ALIAS, withdrawn: bool = False) -> None:
    """Change the versions of `tags` now and, inside a transaction, again at its commit: a page
    rendered meanwhile by another connection, from the rows of before, is not kept as fresh.
    `withdrawn`: the change hides something; pages from before it are never served stale."""
    tags = frozenset(tags)
    _bump_now(tags, withdrawn)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(partial(_bump_now, tags, withdrawn), using=using, robust=True)


def bump_content_version(*, using: str = DEFAULT_DB_ALIAS, withdrawn: bool = True) -> None:
    """Make every cached page and aggregate stale. Call it after writes that send no signal
    (bulk_create, QuerySet.update, raw SQL); unless told they hide nothing (`withdrawn=False`),
    no page from before them is served stale."""
    bump(content_tags(), using=using, withdrawn=withdrawn)


def tags_of(instance) -> set[str]:
    """The model's tag and the records a change of `instance` concerns (its `cache_tags()`)."""
    tags = {model_tag(type(instance))}
    cache_tags = getattr(instance, "cache_tags", None)
    if cache_tags is not None:
        tags.update(cache_tags())
    return tags


def hidden(instance) -> bool:
    """The record is off the public site after this write: unpublished or confidential."""
    return getattr(instance, "is_public", True) is False or bool(
        getattr(instance, "is_confidential", False)
    )


def _on_write(sender, instance, signal, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    withdrawn = signal is post_delete or hidden(instance)
    bump(tags_of(instance), using=using, withdrawn=withdrawn)


def _on_m2m(sender, instance, action, model, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        withdrawn = action != "post_add" or hidden(instance)
        bump(tags_of(instance) | {model_tag(model)}, using=using, withdrawn=withdrawn)


def connect_signals() -> None:
    """Bump on every save, delete and many-to-many change of a content model."""
    for model in content_models():
        uid = f"clara-versions-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_on_m2m, sender=through, dispatch_uid=f"{uid}-{field.name}")
