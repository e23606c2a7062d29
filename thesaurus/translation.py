from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Concept, Term


@register(Concept)
class ConceptTranslationOptions(TranslationOptions):
    fields = ("name", "scope_note")
    required_languages = ("fr",)


# After modeltranslation, so that the history keeps the name_fr/name_en columns.
register_history(Concept)
register_history(Term)
