from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Institution, Team


@register(Institution)
class InstitutionTranslationOptions(TranslationOptions):
    fields = ("name", "description", "city")
    required_languages = ("fr",)


@register(Team)
class TeamTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fr",)


# After modeltranslation, so that the history keeps the translated columns.
register_history(Institution)
register_history(Team)
