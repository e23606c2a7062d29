"""The current request's id and client address, for every log line written while serving it."""

import logging
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
client_address: ContextVar[str] = ContextVar("client_address", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.client = client_address.get()
        return True


class SkipServiceUnavailable(logging.Filter):
    """Leaves out the log line of a 503 answer (Django logs every 5xx as an error)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503
