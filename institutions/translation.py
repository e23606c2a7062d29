from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Institution, RorMatch, Team


@register(Institution)
class InstitutionTranslationOptions(TranslationOptions):
    fields = ("name", "description", "city")
    required_languages = ("fr",)


@register(Team)
class TeamTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fr",)


# After modeltranslation, so that the history keeps the translated columns.
# The raw ROR record and its derived columns stay out of the history (the dump is the source).
register_history(Institution, excluded_fields=["ror_record", "ror_names", "ror_hash"])
register_history(RorMatch)
register_history(Team)
