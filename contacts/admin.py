from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraAdmin, VersionedInlineMixin

from .models import ContactExchange, PartnerContact


class ContactExchangeInline(VersionedInlineMixin, admin.TabularInline):
    model = ContactExchange
    fields = ["date", "summary", "by"]
    readonly_fields = ["by"]  # who wrote the line down (set on saving)
    extra = 1


@admin.register(PartnerContact)
class PartnerContactAdmin(ClaraAdmin):
    list_display = ["name", "role", "institution", "partnership", "email", "phone"]
    list_filter = ["role", "agreed_to_publication"]
    list_select_related = ["institution", "partnership"]
    search_fields = ["name", "email", "position"]
    autocomplete_fields = ["institution", "partnership"]
    fieldsets = [
        (None, {"fields": ["name", "role", "position", "email", "phone"]}),
        (_("Where"), {"fields": ["institution", "partnership"]}),
        (_("Consent and notes"), {"fields": ["agreed_to_publication", "agreed_on", "notes"]}),
    ]
    inlines = [ContactExchangeInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is ContactExchange:
            for exchange_form in formset.forms:
                exchange = exchange_form.instance
                if exchange_form.has_changed() and exchange.by_id is None:
                    exchange.by = request.user
        super().save_formset(request, form, formset, change)
