from django.contrib import admin
from unfold.admin import ModelAdmin

from adminkit.admin_scale import ScaledListMixin

from .models import CalendarToken, ReminderLog


@admin.register(ReminderLog)
class ReminderLogAdmin(ScaledListMixin, ModelAdmin):
    list_display = ["kind", "object_id", "threshold", "due_on", "recipient", "sent_at"]
    list_filter = ["kind", "threshold"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username", "recipient__email"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(ScaledListMixin, ModelAdmin):
    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username"]
    readonly_fields = ["token"]
