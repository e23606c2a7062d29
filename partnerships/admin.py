from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    Agreement,
    AgreementCommitment,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
)


class PartnershipMemberInline(TranslationTabularInline):
    model = PartnershipMember
    autocomplete_fields = ["institution"]
    extra = 0


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(TranslationAdmin):
    list_display = ["name", "kind", "status", "start_date", "is_public", "is_featured"]
    list_filter = ["kind", "status", "is_public", "is_featured", "themes"]
    search_fields = ["name_fr", "name_en", "acronym", "slug"]
    autocomplete_fields = ["themes", "coordinators"]
    prepopulated_fields = {"slug": ["name_fr"]}
    inlines = [PartnershipMemberInline, KeyFigureInline]


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    autocomplete_fields = ["institution", "signatory"]
    extra = 0


class AgreementCommitmentInline(TranslationTabularInline):
    model = AgreementCommitment
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin):
    list_display = [
        "reference",
        "title",
        "kind",
        "status",
        "signed_on",
        "end_date",
        "is_confidential",
    ]
    list_filter = ["status", "kind", "is_confidential"]
    list_select_related = ["partnership"]
    search_fields = ["reference", "title_fr", "title_en"]
    autocomplete_fields = ["partnership", "successor", "themes", "responsible"]
    prepopulated_fields = {"slug": ["reference"]}
    date_hierarchy = "signed_on"
    inlines = [AgreementPartyInline, AgreementCommitmentInline]


@admin.register(KeyFigure)
class KeyFigureAdmin(TranslationAdmin):
    list_display = ["label", "value", "partnership", "period_start", "period_end"]
    list_select_related = ["partnership"]
    search_fields = ["label_fr", "label_en"]
    autocomplete_fields = ["partnership"]
