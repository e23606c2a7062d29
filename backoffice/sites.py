"""The back-office's admin site: CLARA's name, and two-factor authentication at the door."""

from django import forms
from django.conf import settings
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import PasswordChangeView
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from django_otp import match_token, user_has_device
from unfold.forms import AdminOwnPasswordChangeForm
from unfold.forms import AuthenticationForm as UnfoldAuthenticationForm
from unfold.sites import UnfoldAdminSite
from unfold.widgets import INPUT_CLASSES


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


class ClaraLoginForm(UnfoldAuthenticationForm):
    """Password, then the authenticator's code for anyone who set one up (superusers must).

    A wrong or missing code is a failed sign-in like a wrong password: counted by axes (which
    pauses the account and the address after AXES_FAILURE_LIMIT) and answered with the same
    message, so the form tells no one that the password was right or that the account must
    have a second factor."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct %(username)s and password for a staff account, and the "
            "current code of your authenticator app if you have set one up. Note that both "
            "fields may be case-sensitive."
        ),
    }

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": " ".join(INPUT_CLASSES),
            }
        ),
        help_text=_(
            "The code shown by your authenticator app, if you have set one up. Without an app "
            "yet where one is required, an administrator can give you a one-time backup code."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not otp_required(user):
            return cleaned
        token = (cleaned.get("otp_token") or "").strip()
        device = match_token(user, token) if token else None
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        user.otp_device = device  # django_otp marks the session verified on login
        return cleaned


class ClaraPasswordChangeForm(AdminOwnPasswordChangeForm):
    """The old password is checked as a sign-in is (axes): wrong guesses count towards the
    account's and the address's pause."""

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    @sensitive_variables("old_password")
    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        checked = authenticate(
            self.request, username=self.user.get_username(), password=old_password
        )
        if checked is None or checked.pk != self.user.pk:
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class ClaraPasswordChangeView(PasswordChangeView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ClaraAutocompleteJsonView(AutocompleteJsonView):
    """An option says more than the record's name where its admin tells how
    (`autocomplete_label`: an institution's city, country and ROR badge)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


class ClaraAdminSite(UnfoldAdminSite):
    """django-unfold's site (its look, the sidebar of settings.UNFOLD), with CLARA's sign-in."""

    site_header = _("CLARA Partnerships")
    site_title = _("CLARA Partnerships")
    index_title = _("Back-office")
    login_form = ClaraLoginForm
    password_change_form = ClaraPasswordChangeForm

    def has_permission(self, request):
        # A session opened without the second factor does not reach the back-office.
        return staff_access(request.user)

    def password_change(self, request, extra_context=None):
        """Django's view, with the request given to the form (for axes)."""
        request.current_app = self.name
        return ClaraPasswordChangeView.as_view(
            form_class=self.password_change_form,
            success_url=reverse("admin:password_change_done", current_app=self.name),
            extra_context={**self.each_context(request), **(extra_context or {})},
        )(request)

    def autocomplete_view(self, request):
        return ClaraAutocompleteJsonView.as_view(admin_site=self)(request)

    def get_urls(self):
        # Ahead of the admin's own "view on site" shortcut, which redirects any staff member.
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        language = path("language/", self.set_language, name="language")
        return [view_on_site, language, *super().get_urls()]

    def set_language(self, request):
        """The sidebar's French/English switch: the language cookie, then back to the page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        code = request.POST.get("language", "")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("admin:index", current_app=self.name)
        response = HttpResponseRedirect(back)
        if check_for_language(code) and code in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                code,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

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
