from django.contrib import admin

from core.admin import ClaraModelAdmin
from core.languages import in_default_language, localized

from .models import Event


@admin.register(Event)
class EventAdmin(ClaraModelAdmin):
    list_display = ["title", "kind", "start_date", "city", "country", "partnership", "is_public"]
    list_filter = ["kind", "is_public", "country"]
    list_select_related = ["partnership"]
    search_fields = [*localized("title"), *localized("city"), "slug"]
    autocomplete_fields = ["partnership", "organisers"]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    date_hierarchy = "start_date"
