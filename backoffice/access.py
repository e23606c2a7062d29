"""Staff pages outside the admin site (documents, calendars, two-factor set-up) pass the same
door as the admin (sites.staff_access): a class-based view takes StaffRequiredMixin, a function
view @staff_required. Both mark the view (`staff_only`), and tests/backoffice/test_staff_views.py
walks the URL configuration: every view under a staff address must carry the mark."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from .sites import staff_access


def refused(request):
    """To the sign-in page, back here afterwards (with the code of the authenticator)."""
    return redirect_to_login(request.get_full_path(), reverse("admin:login"))


class StaffRequiredMixin:
    """An active staff member, verified by the second factor where it is required."""

    staff_only = True
    setting_up_second_factor = False  # the page that adds a first device

    def dispatch(self, request, *args, **kwargs):
        if not staff_access(request.user, setting_up=self.setting_up_second_factor):
            return refused(request)
        return super().dispatch(request, *args, **kwargs)


def staff_required(view):
    """StaffRequiredMixin for a function view."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not staff_access(request.user):
            return refused(request)
        return view(request, *args, **kwargs)

    guarded.staff_only = True
    return guarded
