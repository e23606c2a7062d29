from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Event, EventParticipant


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "venue", "city", "description")
    required_languages = ("fr",)


@register(EventParticipant)
class EventParticipantTranslationOptions(TranslationOptions):
    fields = ("role",)


# After modeltranslation, so that the history keeps the translated columns.
register_history(Event)
register_history(EventParticipant)
