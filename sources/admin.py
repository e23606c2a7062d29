from django.contrib import admin
from unfold.admin import GenericTabularInline

from adminkit.admin import ClaraAdmin
from adminkit.admin_scale import KnownChoicesInlineMixin

from .models import Source, SourceLink


class SourceLinkInline(KnownChoicesInlineMixin, GenericTabularInline):
    """The sources of a record, edited on the record's own page."""

    model = SourceLink
    extra = 0
    fields = ["source", "locator", "position"]
    autocomplete_fields = ["source"]


@admin.register(Source)
class SourceAdmin(ClaraAdmin):
    list_display = ["title", "publisher", "date_shown", "language", "seed_file"]
    list_filter = ["language", "publisher"]
    search_fields = ["title", "publisher", "key", "seed_file", "url"]
    prepopulated_fields = {"key": ["title"]}
    partial_dates = {"date": "date_precision"}

    @admin.display(description=Source._meta.get_field("date").verbose_name, ordering="date")
    def date_shown(self, obj):
        return obj.date_display
