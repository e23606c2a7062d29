"""A request id for each request: the proxy's X-Request-ID if sane, a new one otherwise; a
database statement over its time limit answered with 503."""

import logging
import re
import uuid
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from core.clients import client_address

from . import logging as request_log

logger = logging.getLogger(__name__)

HEADER = "X-Request-ID"
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled (statement_timeout)
SANE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# The WSGI environ entry (request.META) gunicorn's access log prints as the client.
ACCESS_LOG_CLIENT = "clara.client"


class RequestIdMiddleware:
    """Sets request.request_id, tags log lines with it and the client's address
    (core.clients), and returns the id in X-Request-ID.

    The application server's access log prints both with the status and the time taken.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        rid = given if SANE.match(given) else uuid.uuid4().hex
        request.request_id = rid
        address = client_address(request)
        request.META[ACCESS_LOG_CLIENT] = address
        tokens = request_log.request_id.set(rid), request_log.client_address.set(address)
        try:
            response = self.get_response(request)
        finally:
            request_log.request_id.reset(tokens[0])
            request_log.client_address.reset(tokens[1])
        response[HEADER] = rid
        return response


class StatementTimeoutMiddleware:
    """A statement cancelled by PostgreSQL's statement_timeout (STATEMENT_TIMEOUT_MS) answers
    503 with a page asking to try again (JSON under /api/), logged as a warning: the server is
    busy or the request too broad, not a fault to mail the administrators about."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError):
            return None
        if getattr(exception.__cause__, "sqlstate", None) != QUERY_CANCELED:
            return None
        logger.warning("Statement timeout: %s %s", request.method, request.path)
        if request.path.startswith("/api/"):
            detail = "The request took too long. Try again in a moment, or narrow it."
            response = JsonResponse({"detail": detail}, status=503)
        else:
            response = render(request, "503.html", status=503)
        response["Retry-After"] = "30"
        add_never_cache_headers(response)
        return response
