"""Work done once the answer is sent: the WSGI/ASGI server closes the response when the client has
it, which sends `request_finished`. Stale pages and aggregates are rebuilt there, so that no
visitor waits for them."""

import logging
from contextvars import ContextVar

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

# The work waiting for the end of this request; None outside a request (or while it runs).
_queued: ContextVar[list | None] = ContextVar("after_response", default=None)


def after_response(func) -> bool:
    """Run `func()` once this request's answer is sent; at once outside a request. True when
    deferred."""
    queued = _queued.get()
    if queued is None:
        func()
        return False
    queued.append(func)
    return True


def _start(**kwargs) -> None:
    _queued.set([])


def _finish(**kwargs) -> None:
    queued = _queued.get()
    _queued.set(None)  # what runs now, and whatever it asks for, runs at once
    for func in queued or ():
        try:
            func()
        except Exception:
            logger.exception("Work after the response failed")


request_started.connect(_start, dispatch_uid="clara-after-response-start")
request_finished.connect(_finish, dispatch_uid="clara-after-response-finish")
