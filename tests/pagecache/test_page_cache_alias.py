"""The page cache has a store of its own ("pages"): a flood of unique query strings can evict
pages only, never what the shared cache ("default") holds (pending imports, rate counts, job
progress, the content version)."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured

from clara.settings import services

SHARED = "redis://127.0.0.1:6379/0"


class RecordingCache(LocMemCache):
    """Local memory that remembers the keys written to it, by LOCATION."""

    written: dict[str, list[str]] = {}

    def __init__(self, location, params):
        super().__init__(location, params)
        self.store = location
        self.written.setdefault(location, [])

    def set(self, key, *args, **kwargs):
        self.written[self.store].append(key)
        return super().set(key, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        self.written[self.store].append(key)
        return super().add(key, *args, **kwargs)


def test_with_redis_the_pages_stay_out_of_the_shared_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", SHARED)
    monkeypatch.delenv("PAGE_CACHE_REDIS_URL", raising=False)
    stores = services.caches()
    assert stores["default"]["LOCATION"] == SHARED
    assert stores["pages"]["BACKEND"].endswith("LocMemCache")  # each process's memory
    assert stores["pages"].get("LOCATION") != SHARED


def test_the_pages_may_have_a_redis_server_of_their_own(monkeypatch):
    monkeypatch.setenv("REDIS_URL", SHARED)
    monkeypatch.setenv("PAGE_CACHE_REDIS_URL", "redis://127.0.0.1:6380/0")
    stores = services.caches()
    assert stores["default"]["LOCATION"] == SHARED
    assert stores["pages"]["BACKEND"].endswith("RedisCache")
    assert stores["pages"]["LOCATION"] == "redis://127.0.0.1:6380/0"


def test_another_database_of_the_shared_server_is_refused(monkeypatch):
    """A Redis server's memory limit and eviction apply to all its databases at once."""
    monkeypatch.setenv("REDIS_URL", SHARED)
    monkeypatch.setenv("PAGE_CACHE_REDIS_URL", "redis://127.0.0.1:6379/1")
    with pytest.raises(ImproperlyConfigured, match="PAGE_CACHE_REDIS_URL"):
        services.caches()


@pytest.mark.django_db
def test_the_page_cache_writes_only_to_its_own_store(client, settings):
    backend = f"{__name__}.RecordingCache"
    settings.CACHES = {
        "default": {"BACKEND": backend, "LOCATION": "alias-default"},
        "pages": {"BACKEND": backend, "LOCATION": "alias-pages"},
    }
    settings.PAGE_CACHE_SECONDS = 600
    RecordingCache.written.clear()
    for n in range(3):
        assert client.get(f"/en/institutions/?unique={n}")["X-Cache"] == "miss"
    pages = RecordingCache.written["alias-pages"]
    assert len(pages) == 3
    assert all(key.startswith("page:") for key in pages)
    shared = RecordingCache.written.get("alias-default", [])
    assert not any(key.startswith("page:") for key in shared)
    assert client.get("/en/institutions/?unique=1")["X-Cache"] == "hit"
    for alias in ("default", "pages"):
        caches[alias].clear()
