import re

import pytest

from core.translation_status import missing_languages
from institutions.models import Institution
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_missing_languages():
    assert missing_languages(InstitutionFactory(name_en="")) == ["en"]
    assert missing_languages(InstitutionFactory(description_fr="", description_en="Text")) == ["fr"]
    assert missing_languages(InstitutionFactory()) == []


def test_changelist_marks_and_filters_records_missing_a_translation(staff_client):
    InstitutionFactory(name_fr="Université Laval", name_en="Laval University")
    InstitutionFactory(name_fr="Université de Sherbrooke", name_en="")
    InstitutionFactory(
        name_fr="Fudan", name_en="Fudan University", description_en="Shanghai", description_fr=""
    )
    listing = staff_client.get("/admin/institutions/institution/").content.decode()
    assert listing.count('class="translation-missing"') == 2

    missing = staff_client.get("/admin/institutions/institution/?translation=missing")
    names = {obj.name_fr for obj in missing.context["cl"].result_list}
    assert names == {"Université de Sherbrooke", "Fudan"}
    english = staff_client.get("/admin/institutions/institution/?translation=missing-en")
    assert {obj.name_fr for obj in english.context["cl"].result_list} == {
        "Université de Sherbrooke"
    }
    assert Institution.objects.count() == 3


def test_both_languages_side_by_side_in_the_form(staff_client):
    page = staff_client.get("/admin/institutions/institution/add/").content.decode()
    assert 'name="name_fr"' in page
    assert 'name="name_en"' in page
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    expected = {"/static/css/admin.css", "/static/admin/js/vendor/select2/select2.full.min.js"}
    assert expected <= set(assets)
    assert all(url.startswith("/") and not url.startswith("//") for url in assets), assets


def test_the_partial_indexes_hold_every_translated_field():
    """The dashboard's and the filter's condition is the index's: a translated field added to
    translation.py but not to the index would make them read the whole table again."""
    from django.apps import apps

    from core.translation_status import missing_translation_q, translated_fields

    indexed = {
        model: index
        for model in apps.get_models()
        for index in model._meta.indexes
        if index.name.endswith("_missing_tr_idx")
    }
    assert {model._meta.label for model in indexed} >= {
        "institutions.Institution",
        "institutions.Team",
        "people.Person",
        "partnerships.Agreement",
        "mobility.MobilityExchange",
        "events.Event",
    }
    for model, index in indexed.items():
        assert translated_fields(model), model
        assert index.condition == missing_translation_q(model), model._meta.label
