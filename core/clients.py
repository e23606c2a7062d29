"""Who is asking: the client's address, read one way for login throttling (axes), the API's
rates, the search exports' per-client limits and the logs."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address. With PROXY_COUNT = 0 (no proxy) the connection's peer
    (REMOTE_ADDR); behind N proxies, the Nth address from the right of X-Forwarded-For, the one
    the outermost proxy saw (each proxy appends its peer's address, so the client can only add
    entries on the left, which are never read).

    A request that did not come through every proxy (too few entries) or whose entry is not an
    address is counted under its connection's peer."""
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if not proxies:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return peer
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return peer
