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
