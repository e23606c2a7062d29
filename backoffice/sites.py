"""The back-office's admin site: CLARA's name, and two-factor authentication at the door."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import match_token, user_has_device


def otp_required(user) -> bool:
    """Superusers always (in production); others once they have set up a device (looked up
    once per request: every admin page asks several times)."""
    if user.is_superuser and settings.OTP_REQUIRED_FOR_SUPERUSERS:
        return True
    known = getattr(user, "_clara_has_otp_device", None)
    if known is None:
        known = user_has_device(user)
        if user.pk is not None:
            user._clara_has_otp_device = known
    return known


def verified(user) -> bool:
    """This session passed the second factor (django_otp's middleware tells)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def staff_access(user, *, setting_up: bool = False) -> bool:
    """The one door to staff pages, in the admin and outside it: an active staff member whose
    session passed the second factor where it is required (otp_required). `setting_up`: the
    page where a staff member without a device adds one (a confirmed device still asks for
    the code, so that a password alone neither reads nor replaces it)."""
    if not (user.is_active and user.is_staff):
        return False
    if verified(user):
        return True
    return not (user_has_device(user) if setting_up else otp_required(user))


class ClaraLoginForm(AdminAuthenticationForm):
    """Password, then the authenticator's code for anyone who set one up (superusers must)."""

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("The code shown by your authenticator app, if you have set one up."),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not otp_required(user):
            return cleaned
        token = (cleaned.get("otp_token") or "").strip()
        device = match_token(user, token) if token else None
        if device is None:
            if not user_has_device(user):
                raise ValidationError(
                    _(
                        "Superusers sign in with two-factor authentication. An administrator "
                        "can give you a one-time backup code (manage.py addstatictoken)."
                    ),
                    code="otp_setup_required",
                )
            raise ValidationError(
                _("Enter the current code of your authenticator app."), code="otp_required"
            )
        user.otp_device = device  # django_otp marks the session verified on login
        return cleaned


class ClaraAdminSite(admin.AdminSite):
    site_header = _("CLARA — international partnerships")
    site_title = _("CLARA — international partnerships")
    index_title = _("Back-office")
    login_form = ClaraLoginForm

    def has_permission(self, request):
        # A session opened without the second factor does not reach the back-office.
        return staff_access(request.user)
