from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "kind", "start_date", "city", "partnership", "is_public"]
    list_filter = ["kind", "is_public"]
    list_select_related = ["partnership"]
    search_fields = ["title_fr", "title_en", "city_fr", "city_en"]
    autocomplete_fields = ["partnership", "organisers"]
    prepopulated_fields = {"slug": ["title_fr"]}
