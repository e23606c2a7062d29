import pytest


@pytest.fixture(autouse=True)
def english_office(settings):
    """Digests are written in the office's language; these tests read them in English."""
    settings.LANGUAGE_CODE = "en"
