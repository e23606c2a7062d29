"""The admins of other packages' records (users, groups, second factors, sign-in attempts,
background tasks), written out here: each in the admin's theme (django-unfold) and with the
bounded lists of the project's own (ScaledListMixin)."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static import admin as otp_static_admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db import admin as tasks_admin
from django_tasks_db.models import DBTaskResult
from unfold.admin import ModelAdmin, TabularInline
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm

from adminkit.admin_scale import ScaledListMixin

User = get_user_model()

for model in (User, Group, TOTPDevice, StaticDevice, DBTaskResult):
    admin.site.unregister(model)
if settings.AXES_ENABLE_ADMIN:
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        admin.site.unregister(model)


def _autocomplete_for_editable_field(request) -> bool:
    """An autocomplete request for a user field of a record the staff member may change."""
    match = request.resolver_match
    if match is None or match.url_name != "autocomplete":
        return False
    app_label, model_name = request.GET.get("app_label"), request.GET.get("model_name")
    return bool(app_label and model_name) and request.user.has_perm(
        f"{app_label}.change_{model_name}"
    )


@admin.register(User)
class StaffUserAdmin(ScaledListMixin, UserAdmin, ModelAdmin):
    """Users: managed by superusers; named in choices (e.g. an agreement's responsible) by
    those who may change that record. The field's own limit keeps only active staff."""

    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm

    def has_view_permission(self, request, obj=None):
        if super().has_view_permission(request, obj):
            return True
        return obj is None and _autocomplete_for_editable_field(request)


@admin.register(Group)
class RoleAdmin(ScaledListMixin, GroupAdmin, ModelAdmin):
    """The staff roles (backoffice.roles), named by their label."""


@admin.register(TOTPDevice)
class AuthenticatorAppAdmin(ScaledListMixin, otp_totp_admin.TOTPDeviceAdmin, ModelAdmin):
    """Authenticator apps (the second factor): django-otp's admin, in the theme."""


class BackupCodeInline(otp_static_admin.StaticTokenInline, TabularInline):
    pass


@admin.register(StaticDevice)
class BackupCodesAdmin(ScaledListMixin, otp_static_admin.StaticDeviceAdmin, ModelAdmin):
    """One-time backup codes (given by an administrator): django-otp's admin, in the theme."""

    inlines = [BackupCodeInline]


@admin.register(DBTaskResult)
class TaskResultAdmin(ScaledListMixin, tasks_admin.DBTaskResultAdmin, ModelAdmin):
    """Background tasks (imports, exports, reminders): django-tasks-db's admin, in the theme."""


if settings.AXES_ENABLE_ADMIN:

    @admin.register(AccessAttempt)
    class AccessAttemptAdmin(ScaledListMixin, axes_admin.AccessAttemptAdmin, ModelAdmin):
        """Failed sign-ins counted towards a pause (django-axes)."""

    @admin.register(AccessLog)
    class AccessLogAdmin(ScaledListMixin, axes_admin.AccessLogAdmin, ModelAdmin):
        """Sign-ins and sign-outs (django-axes)."""

    @admin.register(AccessFailureLog)
    class AccessFailureLogAdmin(ScaledListMixin, axes_admin.AccessFailureLogAdmin, ModelAdmin):
        """Every failed sign-in (django-axes)."""
