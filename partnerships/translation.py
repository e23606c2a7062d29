from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import (
    Agreement,
    AgreementCommitment,
    AgreementHistoryQuerySet,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
)


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("fr",)


@register(PartnershipMember)
class PartnershipMemberTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "unit", "source")
    required_languages = ("fr",)


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("fr",)


@register(AgreementCommitment)
class AgreementCommitmentTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("fr",)


# After modeltranslation, so that the history keeps the translated columns.
# Agreement.history.visible_to(user): the confidentiality rule for past versions too.
HISTORY_OPTIONS = {Agreement: {"historical_queryset": AgreementHistoryQuerySet}}

for model in (
    Partnership,
    PartnershipMember,
    KeyFigure,
    Agreement,
    AgreementParty,
    AgreementCommitment,
):
    register_history(model, **HISTORY_OPTIONS.get(model, {}))
