"""Every translated field, in every configured language, reaches the API, the export and the
search documents wherever one language of it does: a language cannot be half switched on."""

import pytest
from django.conf import settings
from django.test import override_settings
from modeltranslation.translator import translator

from api import serializers
from core.languages import content_languages, localized, localized_in
from institutions.resources import InstitutionResource, TeamResource
from mobility.resources import MobilityExchangeResource
from partnerships.resources import AgreementResource
from people.resources import PersonResource
from search.documents import DOCUMENTS, TRIGRAM_COLUMNS

SERIALIZERS = [
    serializers.ThemeSerializer,
    serializers.InstitutionSerializer,
    serializers.TeamSerializer,
    serializers.PersonSerializer,
    serializers.PartnershipSerializer,
    serializers.AgreementSerializer,
    serializers.EventSerializer,
]
RESOURCES = [
    InstitutionResource,
    TeamResource,
    PersonResource,
    AgreementResource,
    MobilityExchangeResource,
]


def translated_fields(model) -> list[str]:
    return list(translator.get_options_for_model(model).fields)


def surfaces():
    for serializer in SERIALIZERS:
        yield f"API {serializer.__name__}", serializer.Meta.model, serializer.Meta.fields
    for resource in RESOURCES:
        yield f"export {resource.__name__}", resource._meta.model, resource._meta.fields
    for model in translator.get_registered_models():
        table = model._meta.db_table
        if table in DOCUMENTS:
            columns = [c for language in DOCUMENTS[table].values() for c in language]
            yield f"search document {table}", model, columns + TRIGRAM_COLUMNS.get(table, [])


@pytest.mark.parametrize(("surface", "model", "names"), list(surfaces()), ids=lambda v: str(v))
def test_every_language_of_a_translated_field_or_none(surface, model, names):
    names = set(names)
    shown = [field for field in translated_fields(model) if set(localized(field)) & names]
    assert shown, f"{surface} shows no translated field: the test would prove nothing"
    for field in shown:
        missing = set(localized(field)) - names
        assert not missing, f"{surface}: {field} lacks {sorted(missing)}"


def test_the_languages_come_from_settings():
    assert content_languages() == tuple(settings.MODELTRANSLATION_LANGUAGES)
    assert localized("name", "city") == ["name_fr", "name_en", "city_fr", "city_en"]
    assert localized_in("en", "name") == ["name_en"]
    with override_settings(MODELTRANSLATION_LANGUAGES=("fr", "en", "es")):
        assert localized("name") == ["name_fr", "name_en", "name_es"]
    for language in content_languages():
        assert language in settings.SEARCH_CONFIGS
        assert language in dict(settings.LANGUAGES)


def test_a_third_language_switched_on_in_settings_reaches_every_surface():
    """The test above, run again with Spanish added by a throwaway settings module alone."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/core/test_languages.py",
            "--ds=tests.settings_third_language",
            "-p",
            "no:cacheprovider",
            "-q",
            "-k",
            "every_language",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert " passed" in result.stdout
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from api.serializers import InstitutionSerializer;"
            "from institutions.resources import InstitutionResource;"
            "print(InstitutionSerializer.Meta.fields, InstitutionResource._meta.fields)",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings_third_language"},
        check=True,
    ).stdout
    assert shown.count("name_es") == 2  # the API and the export now carry Spanish
