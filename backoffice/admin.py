from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from core.admin_scale import ScaledListMixin

User = get_user_model()


def _autocomplete_for_editable_field(request) -> bool:
    """An autocomplete request for a user field of a record the staff member may change."""
    match = request.resolver_match
    if match is None or match.url_name != "autocomplete":
        return False
    app_label, model_name = request.GET.get("app_label"), request.GET.get("model_name")
    return bool(app_label and model_name) and request.user.has_perm(
        f"{app_label}.change_{model_name}"
    )


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(ScaledListMixin, UserAdmin):
    """Users: managed by superusers; named in choices (e.g. an agreement's responsible) by
    those who may change that record. The field's own limit keeps only active staff."""

    def has_view_permission(self, request, obj=None):
        if super().has_view_permission(request, obj):
            return True
        return obj is None and _autocomplete_for_editable_field(request)
