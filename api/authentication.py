"""Who calls the API: the signed-in session only, once it passed the second factor where the
back-office asks for it; anyone else is anonymous. No HTTP Basic: it would check a password
alone, without the second factor and without the sign-in's lockout (a password oracle)."""

from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication

from backoffice.sites import otp_required, verified


class VerifiedSessionAuthentication(SessionAuthentication):
    def authenticate(self, request):
        found = super().authenticate(request)
        if found is None:
            return None
        user = found[0]
        return None if otp_required(user) and not verified(user) else found


class VerifiedSessionScheme(SessionScheme):
    """The schema names it as the session cookie it is."""

    target_class = "api.authentication.VerifiedSessionAuthentication"
