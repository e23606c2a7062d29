from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from backoffice.access import StaffRequiredMixin
from core.calendars import ics_response

from . import calendars
from .models import CalendarToken, new_token


def staff_calendar(request, token: str):
    """Token-protected: calendar clients cannot log in, so the address itself is the secret."""
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.is_valid():
        raise Http404
    response = ics_response(calendars.staff_deadlines(user=found.user), "clara-deadlines.ics")
    response["Cache-Control"] = "private, no-store"
    return response


class CalendarTokenView(StaffRequiredMixin, View):
    """A staff member's personal calendar address, and a button to change it."""

    def get(self, request):
        token, _created = CalendarToken.objects.get_or_create(user=request.user)
        if not token.is_valid():  # the password changed since: the old address is dead
            token.token = new_token()
            token.save()
        return render(
            request,
            "alerts/calendar_token.html",
            {
                **admin.site.each_context(request),
                "feed_url": request.build_absolute_uri(token.get_absolute_url()),
                "title": _("My deadlines calendar"),
            },
        )

    def post(self, request):
        token, _created = CalendarToken.objects.get_or_create(user=request.user)
        token.token = new_token()
        token.save()
        messages.success(request, _("A new address was made; the old one no longer works."))
        return redirect("alerts:calendar-token")
