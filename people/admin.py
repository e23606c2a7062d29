from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Person


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["last_name", "first_name", "title", "affiliation", "is_public"]
    list_filter = ["is_public", "affiliation__country"]
    list_select_related = ["affiliation"]
    search_fields = ["last_name", "first_name", "email", "orcid"]
    autocomplete_fields = ["affiliation", "team"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
