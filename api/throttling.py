"""API rates read from the settings (and so from the environment) when a request comes, counted
per client address as core.clients reads it (behind PROXY_COUNT proxies)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from core.clients import client_address


class ClientAddressMixin:
    """DRF's own reading of X-Forwarded-For (NUM_PROXIES) is not used: one reading for all."""

    def get_ident(self, request):
        return client_address(request)


class AnonymousRateThrottle(ClientAddressMixin, AnonRateThrottle):
    """Per client address."""

    def get_rate(self):
        return settings.API_RATE_ANONYMOUS


class AccountRateThrottle(ClientAddressMixin, UserRateThrottle):
    """Per signed-in account (per address for anonymous clients)."""

    def get_rate(self):
        return settings.API_RATE_ACCOUNT


def cached_answer_allowed(request) -> bool:
    """PAGE_CACHE_HIT_CHECK: an API answer from the page cache counts against the API's rates
    like any other (a miss is counted by the view itself)."""
    if not request.path.startswith("/api/"):
        return True
    from rest_framework.request import Request
    from rest_framework.settings import api_settings

    drf_request = Request(request)
    return all(
        throttle().allow_request(drf_request, None)
        for throttle in api_settings.DEFAULT_THROTTLE_CLASSES
    )
