"""The back-office's admin site: CLARA's name, and two-factor authentication at the door."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
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
        user = request.user
        if not super().has_permission(request):
            return False
        # A session opened without the second factor does not reach the back-office.
        return not otp_required(user) or user.is_verified()

    def get_urls(self):
        # Ahead of the admin's own "view on site" shortcut, which redirects any staff member.
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [view_on_site, *super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        """The record's public page, for a record the staff member may see in the admin."""
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        try:
            model_admin = self.get_model_admin(model)
        except NotRegistered as missing:
            raise Http404 from missing
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        check = getattr(obj, "is_visible_to", None)
        if check is not None and not check(request.user):
            raise Http404
        return shortcut(request, content_type_id, object_id)
