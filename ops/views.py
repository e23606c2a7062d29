"""Health for load balancers: 200 when the site can serve, 503 otherwise, nothing more."""

import logging

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
_migrated = False  # once applied, migrations stay applied for this process's code


def database_reachable() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_reachable() -> bool:
    cache.set("healthz", "1", timeout=30)
    return cache.get("healthz") == "1"


def migrations_applied() -> bool:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrated


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    failing = []
    for name, probe in (
        ("database", database_reachable),
        ("cache", cache_reachable),
        ("migrations", migrations_applied),
    ):
        try:
            healthy = probe()
        except Exception:
            logger.exception("healthz: %s probe failed", name)
            healthy = False
        if not healthy:
            failing.append(name)
    if failing:
        logger.error("healthz: unavailable (%s)", ", ".join(failing))
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
