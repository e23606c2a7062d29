from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import MobilityExchange


@admin.register(MobilityExchange)
class MobilityExchangeAdmin(TranslationAdmin):
    list_display = [
        "__str__",
        "category",
        "direction",
        "host_institution",
        "planned_start",
        "status",
    ]
    list_filter = ["category", "direction", "status"]
    list_select_related = ["person", "host_institution"]
    search_fields = ["person__last_name", "host_institution__name_fr", "home_institution__name_fr"]
    autocomplete_fields = [
        "person",
        "home_institution",
        "home_team",
        "host_institution",
        "host_team",
        "partnership",
        "agreement",
        "funder",
    ]
    date_hierarchy = "planned_start"
