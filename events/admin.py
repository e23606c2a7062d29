from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import ClaraModelAdmin
from core.languages import in_default_language, localized
from sources.admin import SourceLinkInline

from .models import Event, EventParticipant


class EventParticipantInline(TranslationTabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Event)
class EventAdmin(ClaraModelAdmin):
    list_display = ["title", "kind", "date_shown", "city", "country", "partnership", "is_public"]
    list_filter = ["kind", "is_public", "country"]
    list_select_related = ["partnership"]
    search_fields = [*localized("title"), *localized("city"), "slug"]
    autocomplete_fields = ["partnership", "organisers"]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    date_hierarchy = "start_date"
    inlines = [EventParticipantInline, SourceLinkInline]

    @admin.display(description=_("date"), ordering="start_date")
    def date_shown(self, obj):
        """As precise as known: "2012", "November 2018", never "Jan. 1, 2012"."""
        return obj.date_display
