"""Which records have text in one language but not in the other."""

import functools
import operator
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Index, Model, Q

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translated_fields(model: type[Model]) -> list[str]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _filled(column: str) -> Q:
    return Q(**{f"{column}__gt": ""})


def _empty(column: str) -> Q:
    return Q(**{column: ""}) | Q(**{f"{column}__isnull": True})


def missing_translation_condition(fields: Iterable[str], language: str | None = None) -> Q:
    """Rows where one of `fields` is filled in some language but empty in `language` (or in
    any): the one condition of the dashboard's counts, the changelists' filter and the partial
    indexes that find these rows without reading the whole table."""
    arms = [
        _filled(f"{field}_{other}") & _empty(f"{field}_{missing}")
        for field in sorted(fields)
        for missing in ([language] if language else LANGUAGES)
        for other in LANGUAGES
        if other != missing
    ]
    return functools.reduce(operator.or_, arms) if arms else Q(pk__in=[])


def missing_translation_q(model: type[Model], language: str | None = None) -> Q:
    """Rows where a translated field is filled in some language but empty in `language` (or any)."""
    return missing_translation_condition(translated_fields(model), language)


def missing_translation_index(name: str, fields: Iterable[str]) -> Index:
    """A partial index of the rows missing a translation of `fields` (the model's translated
    fields, as tests/backoffice/test_translation_status.py checks): usually few, so the
    dashboard counts them and the "missing translation" filter lists them without a scan."""
    return Index(fields=["id"], condition=missing_translation_condition(fields), name=name)


def missing_languages(obj: Model) -> list[str]:
    missing = set()
    for field in translated_fields(type(obj)):
        values = {lang: getattr(obj, f"{field}_{lang}") for lang in LANGUAGES}
        if any(values.values()):
            missing.update(lang for lang, value in values.items() if not value)
    return sorted(missing)
