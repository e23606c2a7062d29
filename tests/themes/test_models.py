import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import translation

from tests.factories import ResearchThemeFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db


def test_slug_is_unique():
    ResearchThemeFactory(slug="liver-cancer")
    with refused_by_database("theme_unique_slug", r"themes_researchtheme\.slug"):
        ResearchThemeFactory(slug="liver-cancer")


def test_theme_cannot_be_its_own_parent():
    theme = ResearchThemeFactory()
    theme.parent = theme
    with refused_by_database("theme_not_own_parent"):
        theme.save()


def test_broader_theme_with_children_is_protected():
    parent = ResearchThemeFactory()
    ResearchThemeFactory(parent=parent)
    with pytest.raises(ProtectedError):
        parent.delete()


def test_missing_english_falls_back_to_french_and_back():
    only_fr = ResearchThemeFactory(name_fr="Thérapie cellulaire", name_en="")
    only_en = ResearchThemeFactory(name_fr="", name_en="Cell therapy")
    with translation.override("en"):
        assert only_fr.name == "Thérapie cellulaire"
        assert only_en.name == "Cell therapy"
    with translation.override("fr"):
        assert only_en.name == "Cell therapy"


def test_history_keeps_both_languages():
    theme = ResearchThemeFactory(name_fr="Radiothérapie", name_en="Radiotherapy")
    theme.name_en = "Radiation therapy"
    theme.save()
    latest, first = theme.history.all()[:2]
    assert (first.name_fr, first.name_en) == ("Radiothérapie", "Radiotherapy")
    assert (latest.name_fr, latest.name_en) == ("Radiothérapie", "Radiation therapy")


def test_theme_cycles_are_refused_by_validation():
    broad = ResearchThemeFactory()
    narrow = ResearchThemeFactory(parent=broad)
    broad.parent = narrow
    with pytest.raises(ValidationError):
        broad.full_clean()
