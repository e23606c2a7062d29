from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.admin import (
    ClaraModelAdmin,
    ClaraTranslationTabularInline,
    PublicationAdminMixin,
    VersionedInlineMixin,
)
from adminkit.admin_scale import AutocompleteListFilter, InUseChoicesListFilter
from core.languages import in_default_language, localized
from sources.admin import SourceLinkInline

from .models import Event, EventParticipant


class EventParticipantInline(VersionedInlineMixin, ClaraTranslationTabularInline):
    model = EventParticipant
    max_rows = 20
    extra = 0
    autocomplete_fields = ["person"]
    show_change_link = True  # its page edits the participant's sources


@admin.register(Event)
class EventAdmin(PublicationAdminMixin, ClaraModelAdmin):
    list_display = [
        "title",
        "kind",
        "date_shown",
        "city",
        "country_name",
        "partnership",
        "is_public",
    ]
    list_filter = [
        "kind",
        "is_public",
        ("country", InUseChoicesListFilter),
        ("partnership", AutocompleteListFilter),
    ]
    list_select_related = ["partnership"]
    search_fields = [*localized("title"), *localized("city"), "slug"]
    autocomplete_fields = ["partnership", "organisers"]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    slug_from = ("title",)
    date_hierarchy = "start_date"
    partial_dates = {"start_date": "date_precision", "end_date": "date_precision"}
    inlines = [EventParticipantInline, SourceLinkInline]

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return obj.country.name  # not the field's display: it sorts every country per row

    @admin.display(description=_("date"), ordering="start_date")
    def date_shown(self, obj):
        """As precise as known: "2012", "November 2018", never "Jan. 1, 2012"."""
        return obj.date_display


@admin.register(EventParticipant)
class EventParticipantAdmin(ClaraModelAdmin):
    """A person's part in an event, with the sources that document it."""

    list_display = ["person", "event", "role", "position"]
    list_select_related = ["person", "event"]
    list_filter = [("event", AutocompleteListFilter)]
    search_fields = ["person__last_name", "person__first_name", *localized("event__title")]
    autocomplete_fields = ["event", "person"]
    inlines = [SourceLinkInline]

    def get_ordering(self, request):
        # One event's participants in their order; all of them newest first (the primary key).
        return ["position", "pk"] if "event__id__exact" in request.GET else ["-pk"]
