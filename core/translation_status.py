"""Which records have text in one language but not in the other."""

from django.conf import settings
from django.db.models import Model, Q
from modeltranslation.translator import NotRegistered, translator

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translated_fields(model: type[Model]) -> list[str]:
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _filled(column: str) -> Q:
    return Q(**{f"{column}__gt": ""})


def _empty(column: str) -> Q:
    return Q(**{column: ""}) | Q(**{f"{column}__isnull": True})


def missing_translation_q(model: type[Model], language: str | None = None) -> Q:
    """Rows where a translated field is filled in some language but empty in `language` (or any)."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        for missing in [language] if language else LANGUAGES:
            for other in LANGUAGES:
                if other != missing:
                    condition |= _filled(f"{field}_{other}") & _empty(f"{field}_{missing}")
    return condition


def missing_languages(obj: Model) -> list[str]:
    missing = set()
    for field in translated_fields(type(obj)):
        values = {lang: getattr(obj, f"{field}_{lang}") for lang in LANGUAGES}
        if any(values.values()):
            missing.update(lang for lang, value in values.items() if not value)
    return sorted(missing)
