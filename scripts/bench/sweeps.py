"""Addresses the fixed URL list does not name: each requested once against the uncached server.

- a random sample of public addresses drawn by SQL (django_side.sample), and
- every pair of the partner search's filters, on the page and in the API, with values drawn at
  random by SQL each run (django_side.filter_pairs).

Run by run.py after the fixed list; written in docs/performance.md as two tables.
"""

import http.client
import math
import threading
import time
import urllib.parse

P95_LIMIT_MS = 100
WORST = 8  # the slowest addresses named in the report


def percentile(ordered: list[float], p: float) -> float | None:
    """The nearest-rank percentile of sorted values (None without any)."""
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]


def sweep(base: str, paths: list[str], *, connections: int = 2) -> dict:
    """Every path once, `connections` at a time: percentiles, errors, and the slowest paths."""
    parts = urllib.parse.urlsplit(base)
    queue = list(paths)
    timings: list[tuple[float, str]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if status == 200:
                    timings.append((elapsed, path))
                else:
                    errors.append(f"{path} → {status or 'no answer'}")
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(timings)
    times = [ms for ms, _ in ordered]

    return {
        "requests": len(ordered),
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
        "max_ms": ordered[-1][0] if ordered else None,
        "over_limit": sum(1 for ms, _ in ordered if ms > P95_LIMIT_MS),
        "worst": [(round(ms, 1), path) for ms, path in ordered[-WORST:][::-1]],
        "errors": errors,
    }


def measure(base: str, paths: list[str]) -> dict:
    """One warm-up pass (each worker's first requests), then the measured pass."""
    sweep(base, paths[:20])
    return sweep(base, paths)


def report(title: str, what: str, result: dict | None, fmt_ms) -> list[str]:
    lines = [f"## {title}", ""]
    if not result:
        return [*lines, "Not measured by this run.", ""]
    met = result["p95_ms"] is not None and result["p95_ms"] <= P95_LIMIT_MS
    lines += [
        f"{what} Each address requested once, 2 connections, against the uncached server. "
        f"Target: p95 ≤ {P95_LIMIT_MS} ms.",
        "",
        "| addresses | p50 ms | p95 ms | p99 ms | max ms | over 100 ms | errors | target met |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {result['requests']:,} | {fmt_ms(result['p50_ms'])} | {fmt_ms(result['p95_ms'])} "
        f"| {fmt_ms(result['p99_ms'])} | {fmt_ms(result['max_ms'])} | {result['over_limit']} "
        f"| {len(result['errors'])} | {'yes' if met and not result['errors'] else 'no'} |",
        "",
        "Slowest: " + "; ".join(f"`{path}` {ms:g} ms" for ms, path in result["worst"]) + ".",
        "",
    ]
    if result["errors"]:
        lines += ["Errors: " + "; ".join(f"`{e}`" for e in result["errors"][:10]) + ".", ""]
    return lines
