"""Partner search CSV exports: streamed when small, written by the task worker when large.

Up to SEARCH_EXPORT_MAX_ROWS rows the file is streamed by the request (search/views.py). A
broader search, up to SEARCH_EXPORT_BACKGROUND_MAX_ROWS, is queued as a task: the worker writes
the whole file (the same columns, bytes and public fields as the streamed one) to a temporary
file, then to private storage, and only then says it is ready; any error marks it failed, so a
visitor gets a complete file or is told that it failed, never a truncated one. Beyond that hard
cap the export is refused with the reason. The visitor is anonymous: the export is reached by
its random token only, and is deleted SEARCH_EXPORT_KEEP_HOURS after it was asked for.
"""

import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.http import QueryDict
from django.tasks import task
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode

from adminkit.spreadsheets import SafeWriter
from core.clients import client_address
from core.storage import delete_with_files

from . import selectors
from .kinds import KINDS
from .models import SearchExport

logger = logging.getLogger(__name__)
Status = SearchExport.Status

# Error codes kept on a failed export, shown in the visitor's language by the status page.
TOO_MANY = "too_many"
INVALID = "invalid"
ERROR = "error"
STREAM_RATE = "stream_rate"  # a refusal only: too many streamed exports from one client
# Streamed exports one client may download a minute (each reads every match of its search).
STREAMS_PER_CLIENT_MINUTE = 10
# Progress is saved (and the export's heartbeat renewed) every this many rows.
PROGRESS_EVERY = 2_000


class Echo:
    """A file-like object whose write() hands the line back (csv.writer into a generator)."""

    def write(self, value):
        return value


def csv_lines(kind: str, keys: list[int], base_url: str) -> Iterator[str]:
    """The export's CSV, a line at a time: the header, then the records of `keys` (in chunks,
    bounded memory), public fields only. `base_url` (scheme and host) makes the links absolute.
    The one writer of both the streamed and the background file."""
    search_kind = KINDS[kind]
    writer = SafeWriter(Echo(), typeset=True)  # French typography on a French export
    yield writer.writerow(search_kind.csv_headers)
    for obj in selectors.export_rows(kind, keys):
        yield writer.writerow(search_kind.csv_row(obj, base_url + obj.get_absolute_url()))


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def normalized(params: QueryDict) -> str:
    """The search's parameters in a stable order, without the page number or empty ones."""
    return urlencode(
        sorted(
            (key, value)
            for key, values in params.lists()
            if key != "page"
            for value in values
            if value
        )
    )


def count_matches(found: selectors.SearchResult, cap: int) -> int:
    """How many records the search matches, counted up to cap + 1 (more means too many)."""
    if not found.valid:
        return 0
    return found.matches.order_by().values("pk")[: cap + 1].count()


def client_digest(request) -> str:
    """Who asked, for the per-client limit: a keyed digest of the address (not the address)."""
    address = client_address(request)
    return salted_hmac("search.exports.client", address, algorithm="sha256").hexdigest()[:32]


def stream_allowed(request) -> bool:
    """Whether this client may stream one more export this minute (counted in the shared
    cache: every server and process alike)."""
    minute = int(timezone.now().timestamp() // 60)
    key = f"search-export-streams:{client_digest(request)}:{minute}"
    store = caches["default"]
    store.add(key, 0, timeout=120)
    try:
        streamed = store.incr(key)
    except ValueError:  # evicted between the two calls
        streamed = 1
    return streamed <= STREAMS_PER_CLIENT_MINUTE


@dataclass
class Refusal:
    """Why an export cannot be queued now, for the visitor (status: the HTTP answer)."""

    reason: str  # TOO_MANY, "busy", "rate", STREAM_RATE, INVALID
    status: int
    rows: int = 0
    errors: list[str] = field(default_factory=list)  # INVALID: why the search is refused


def purge_expired(now=None) -> int:
    """Delete the exports past their expiry, with their files; mark stalled ones failed."""
    now = now or timezone.now()
    deleted = delete_with_files(SearchExport.objects.expired(now), file_field="file")
    SearchExport.objects.stalled(now).update(status=Status.FAILED, error=ERROR, finished_at=now)
    return deleted


def queue_export(request, *, kind: str) -> SearchExport | Refusal:
    """Queue the background export of the request's search, or say why not.

    An identical search already being prepared (or made in the last few minutes) is reused;
    at most SEARCH_EXPORT_MAX_RUNNING exports wait or run at once on the site, and one client
    may ask for SEARCH_EXPORT_PER_CLIENT_HOUR an hour; the exports kept hold at most
    SEARCH_EXPORT_MAX_KEPT_ROWS rows in all."""
    purge_expired()
    query_string = normalized(request.GET)
    language = translation.get_language()
    now = timezone.now()
    same = (
        SearchExport.objects.filter(kind=kind, query_string=query_string, language=language)
        .exclude(status=Status.FAILED)
        .filter(created_at__gte=now - timedelta(minutes=settings.SEARCH_EXPORT_REUSE_MINUTES))
        .first()
    )
    if same is not None and not same.stalled:
        return same
    client = client_digest(request)
    recent = SearchExport.objects.filter(client=client, created_at__gte=now - timedelta(hours=1))
    if recent.count() >= settings.SEARCH_EXPORT_PER_CLIENT_HOUR:
        return Refusal("rate", 429)
    busy = SearchExport.objects.alive(now).count()
    if busy >= settings.SEARCH_EXPORT_MAX_RUNNING:
        return Refusal("busy", 503)
    found = selectors.search(kind=kind, params=request.GET, candidates=False)
    if not found.valid:
        return Refusal(INVALID, 400, errors=found.query_errors)
    cap = settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS
    rows = count_matches(found, cap)
    if rows > cap:
        return Refusal(TOO_MANY, 413, rows=cap)
    # The files kept (until they expire) stay within a bound: the private storage's disk.
    kept = SearchExport.objects.exclude(status=Status.FAILED).aggregate(rows=Sum("total_rows"))
    if (kept["rows"] or 0) + rows > settings.SEARCH_EXPORT_MAX_KEPT_ROWS:
        return Refusal("busy", 503)
    export = SearchExport.objects.create(
        kind=kind,
        query_string=query_string,
        language=language,
        base_url=base_url(request),
        client=client,
        total_rows=rows,
    )
    # The worker must find the row: queued once it is committed.
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


@task
def build_export(export_id: int) -> str:
    """Write the export's whole file, then make it available; or mark it failed."""
    claimed = SearchExport.claim(export_id)
    export = SearchExport.objects.filter(pk=export_id).first()
    if export is None or not claimed:
        return export.status if export else "gone"  # expired, or another worker took it
    try:
        return _build(export)
    except Exception:
        logger.exception("Search export %s failed", export_id)
        return export.fail(error=ERROR, rows_written=0)


def _build(export: SearchExport) -> str:
    cap = settings.SEARCH_EXPORT_BACKGROUND_MAX_ROWS
    with translation.override(export.language):
        found = selectors.search(
            kind=export.kind, params=QueryDict(export.query_string), candidates=False
        )
        if not found.valid:
            return export.fail(error=INVALID)
        keys = selectors.export_keys(found, cap)
        if len(keys) > cap:
            return export.fail(error=TOO_MANY)
        SearchExport.objects.filter(pk=export.pk).update(total_rows=len(keys))
        rows = -1  # the header is not a row
        with tempfile.TemporaryFile() as spool:
            for rows, line in enumerate(csv_lines(export.kind, keys, export.base_url)):
                spool.write(line.encode("utf-8"))
                if rows and rows % PROGRESS_EVERY == 0:
                    export.beat(rows, rows_written=rows)
            spool.seek(0)
            name = f"{export.token}.csv"
            export.file.save(name, File(spool, name=name), save=False)
    SearchExport.objects.filter(pk=export.pk).update(file=export.file.name)
    return export.finish(rows_written=rows)
