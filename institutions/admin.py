from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Institution, Team


@admin.register(Institution)
class InstitutionAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "network_role", "city", "country", "parent"]
    list_filter = ["kind", "network_role", "country"]
    list_select_related = ["parent"]
    search_fields = ["name_fr", "name_en", "acronym", "city_fr", "city_en", "ror_id"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(Team)
class TeamAdmin(TranslationAdmin):
    list_display = ["name", "institution", "leader"]
    list_select_related = ["institution", "leader"]
    list_filter = ["themes", "institution__country"]
    search_fields = ["name_fr", "name_en", "institution__name_fr", "institution__acronym"]
    autocomplete_fields = ["institution", "leader", "themes"]
    prepopulated_fields = {"slug": ["name_fr"]}
