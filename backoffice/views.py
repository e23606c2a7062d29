import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerships.models import AgreementDocument

from .access import StaffRequiredMixin


class AgreementDocumentDownloadView(StaffRequiredMixin, PermissionRequiredMixin, View):
    """Streams a private agreement document to a staff member allowed to read it."""

    permission_required = "partnerships.view_agreementdocument"

    def get(self, request, pk: int):
        document = get_object_or_404(AgreementDocument.objects.visible_to(request.user), pk=pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404("The document file is missing from storage.") from missing
        filename = document.file.name.rsplit("/", 1)[-1]
        response = FileResponse(handle, as_attachment=True, filename=filename)
        response["Content-Type"] = "application/pdf"
        response["Cache-Control"] = "private, no-store"
        return response


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TwoFactorView(StaffRequiredMixin, View):
    """A staff member turns TOTP two-factor authentication on (scan, confirm) or off."""

    setting_up_second_factor = True
    template_name = "backoffice/two_factor.html"

    def _device(self, user) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=user).order_by("-confirmed").first()
        return device or TOTPDevice.objects.create(user=user, name="default", confirmed=False)

    def _render(self, request, device, form):
        qr = segno.make(device.config_url).svg_inline(scale=4, title=_("Authenticator set-up"))
        return render(
            request,
            self.template_name,
            {
                **admin.site.each_context(request),
                "title": _("Two-factor authentication"),
                "confirmed": device.confirmed,
                "qr_svg": mark_safe(qr),  # segno's own markup, from our own data
                "secret": base64.b32encode(device.bin_key).decode(),
                "form": form,
            },
        )

    def get(self, request):
        return self._render(request, self._device(request.user), TokenForm())

    def post(self, request):
        device = self._device(request.user)
        form = TokenForm(request.POST)
        if not form.is_valid() or not device.verify_token(form.cleaned_data["token"].strip()):
            form.add_error(None, _("This code is not the one your app shows now. Try again."))
            return self._render(request, device, form)
        if request.POST.get("action") == "disable" and device.confirmed:
            if request.user.is_superuser and settings.OTP_REQUIRED_FOR_SUPERUSERS:
                messages.error(request, _("Superusers keep two-factor authentication on."))
                return redirect("backoffice:two-factor")
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, _("Two-factor authentication is off."))
        elif not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
        return redirect("backoffice:two-factor")
