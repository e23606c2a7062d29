from django.contrib import admin

from adminkit.admin import VersionedAdmin

from .models import SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(VersionedAdmin):
    """Read and delete only: visitors save and confirm them, and stop them in one click."""

    list_display = ["email", "kind", "query_string", "created_at", "confirmed_at", "last_sent_at"]
    list_filter = ["kind"]
    search_fields = ["email"]
    fields = [
        "email",
        "kind",
        "query_string",
        "language",
        "created_at",
        "confirmed_at",
        "last_sent_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
