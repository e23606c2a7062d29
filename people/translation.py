from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Person


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("role",)


# After modeltranslation, so that the history keeps the translated columns.
register_history(Person)
