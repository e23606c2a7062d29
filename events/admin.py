from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from core.admin import ClaraModelAdmin
from sources.admin import SourceLinkInline

from .models import Event, EventParticipant


class EventParticipantInline(TranslationTabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Event)
class EventAdmin(ClaraModelAdmin):
    list_display = ["title", "kind", "start_date", "city", "country", "partnership", "is_public"]
    list_filter = ["kind", "is_public", "country"]
    list_select_related = ["partnership"]
    search_fields = ["title_fr", "title_en", "city_fr", "city_en", "slug"]
    autocomplete_fields = ["partnership", "organisers"]
    prepopulated_fields = {"slug": ["title_fr"]}
    date_hierarchy = "start_date"
    inlines = [EventParticipantInline, SourceLinkInline]
