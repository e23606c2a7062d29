from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import ResearchTheme


@register(ResearchTheme)
class ResearchThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fr",)


# After modeltranslation, so that the history keeps the name_fr/name_en columns.
register_history(ResearchTheme)
