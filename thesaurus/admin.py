from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.admin import ClaraModelAdmin, VersionedInlineMixin
from core.languages import in_default_language, localized
from core.paging import count_of

from .models import Concept, Term


class TermInline(VersionedInlineMixin, admin.TabularInline):
    model = Term
    fields = ["text", "language", "kind"]
    extra = 1


@admin.register(Concept)
class ConceptAdmin(ClaraModelAdmin):
    list_display = ["name", "source", "term_count"]
    list_filter = ["source"]
    search_fields = [*localized("name"), "slug", "terms__normalized"]
    autocomplete_fields = ["broader", "themes"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    fields = ["name", "slug", "scope_note", "broader", "themes", "source"]
    inlines = [TermInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(term_total=count_of(Term, "concept"))

    @admin.display(description=_("Terms"), ordering="term_total")
    def term_count(self, obj):
        return obj.term_total
