from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import MobilityExchange


@register(MobilityExchange)
class MobilityExchangeTranslationOptions(TranslationOptions):
    fields = ("funding", "description")


# After modeltranslation, so that the history keeps the translated columns.
register_history(MobilityExchange)
