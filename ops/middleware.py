"""A request id for each request: the proxy's X-Request-ID if sane, a new one otherwise."""

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from core.clients import client_address

from . import logging

HEADER = "X-Request-ID"
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
        tokens = logging.request_id.set(rid), logging.client_address.set(address)
        try:
            response = self.get_response(request)
        finally:
            logging.request_id.reset(tokens[0])
            logging.client_address.reset(tokens[1])
        response[HEADER] = rid
        return response
