from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Call, Criterion, DecisionTemplate


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = ("title", "text")


@register(Criterion)
class CriterionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(DecisionTemplate)
class DecisionTemplateTranslationOptions(TranslationOptions):
    fields = ("subject", "body")


# After modeltranslation, so that the history keeps the translated columns.
register_history(Call)
register_history(DecisionTemplate)
