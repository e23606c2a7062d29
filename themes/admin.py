from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import ResearchTheme


@admin.register(ResearchTheme)
class ResearchThemeAdmin(TranslationAdmin):
    list_display = ["name", "parent", "slug"]
    list_select_related = ["parent"]
    search_fields = ["name_fr", "name_en", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_fr"]}
