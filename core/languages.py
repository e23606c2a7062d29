"""The content languages, from settings alone (MODELTRANSLATION_LANGUAGES).

Every list of translated columns (API fields, import/export columns, search documents, filters,
admin) is generated here, so that switching a language on is a settings change, migrations and
a .po file: see docs/architecture.md, "Adding a language".
"""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


def content_languages() -> tuple[str, ...]:
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def localized(*fields: str) -> list[str]:
    """localized("name", "city") -> ["name_fr", "name_en", "city_fr", "city_en"]."""
    return [
        build_localized_fieldname(field, language)
        for field in fields
        for language in content_languages()
    ]


def localized_in(language: str, *fields: str) -> list[str]:
    """The columns of `fields` in one language: localized_in("en", "name") -> ["name_en"]."""
    return [build_localized_fieldname(field, language) for field in fields]


def in_default_language(field: str) -> str:
    """The column of `field` in the first content language (the one a record must have)."""
    return build_localized_fieldname(field, content_languages()[0])
