from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import PartnershipNarrative, ReportDefinition


@register(ReportDefinition)
class ReportDefinitionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(PartnershipNarrative)
class PartnershipNarrativeTranslationOptions(TranslationOptions):
    fields = ("highlights",)


# After modeltranslation, so that the history keeps the translated columns.
register_history(ReportDefinition)
register_history(PartnershipNarrative)
