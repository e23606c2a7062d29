"""The back-office's pages get their own Content-Security-Policy (settings.ADMIN_CSP)."""

from django.conf import settings
from django.urls import reverse


class AdminContentSecurityPolicyMiddleware:
    """Pages under the admin and the back-office's own views (two-factor set-up…) answer with
    ADMIN_CSP: the theme (django-unfold) needs Alpine.js's evaluated attributes and an inline
    style sheet. Listed after Django's CSP middleware, so that it sets the policy first."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefixes is None:
            self.prefixes = (
                reverse("admin:index"),
                reverse("backoffice:two-factor"),
                reverse("programmes-staff:home"),  # the selection's pages (programmes)
            )
        if request.path_info.startswith(self.prefixes) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response
