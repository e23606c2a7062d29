from django.contrib import admin

from adminkit.admin import ClaraImportExportAdmin, PublicationAdminMixin
from adminkit.admin_scale import InUseChoicesListFilter
from sources.admin import SourceLinkInline

from .admin_actions import erase_personal_data, export_personal_data
from .models import Person
from .resources import PersonResource


@admin.register(Person)
class PersonAdmin(PublicationAdminMixin, ClaraImportExportAdmin):
    resource_classes = [PersonResource]
    list_display = ["last_name", "first_name", "title", "role", "affiliation", "is_public"]
    list_filter = ["is_public", ("affiliation__country", InUseChoicesListFilter)]
    list_select_related = ["affiliation"]
    search_fields = ["last_name", "first_name", "email", "orcid", "slug"]
    autocomplete_fields = ["affiliation", "team"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    slug_from = ("first_name", "last_name")
    actions = [export_personal_data, erase_personal_data]
    inlines = [SourceLinkInline]
