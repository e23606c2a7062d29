"""/healthz for load balancers, request ids, and the shared cache on Redis."""

import socket

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from clara.settings import services
from ops import views

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_and_nothing_else(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
)
def test_healthz_is_unavailable_without_the_cache_and_says_no_more(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_healthz_is_unavailable_while_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(views, "_migrated", False)
    monkeypatch.setattr(
        views.MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)]
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"pending" not in response.content


def test_each_response_carries_a_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32
    assert first != second


def test_the_proxy_request_id_is_kept_when_sane_and_replaced_otherwise(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-0123456789abcdef"})
    assert kept["X-Request-ID"] == "nginx-0123456789abcdef"
    replaced = client.get("/healthz", headers={"X-Request-ID": "bad id\r\nInjected: 1"})
    assert replaced["X-Request-ID"] != "bad id\r\nInjected: 1"
    assert len(replaced["X-Request-ID"]) == 32


def test_cache_is_local_memory_without_redis_url(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert services.caches()["default"]["BACKEND"].endswith("LocMemCache")


def redis_listening() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_listening(), reason="no Redis server on 127.0.0.1:6379")
def test_cache_is_shared_on_redis_when_redis_url_is_set(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/15")
    monkeypatch.setenv("CACHE_KEY_PREFIX", "clara-test")
    with override_settings(CACHES=services.caches()):
        cache = caches.create_connection("default")
        cache.set("shared", "across servers", 30)
        # The value is in Redis itself, where every other server reads it.
        server = redis.Redis.from_url("redis://127.0.0.1:6379/15")
        assert server.exists("clara-test:1:shared") == 1
        cache.delete("shared")
        assert server.exists("clara-test:1:shared") == 0
