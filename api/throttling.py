"""API rates read from the settings (and so from the environment) when a request comes."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Per client address."""

    def get_rate(self):
        return settings.API_RATE_ANONYMOUS


class AccountRateThrottle(UserRateThrottle):
    """Per signed-in account (per address for anonymous clients)."""

    def get_rate(self):
        return settings.API_RATE_ACCOUNT
