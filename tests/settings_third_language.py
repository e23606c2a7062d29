"""A throwaway settings module: Spanish switched on by following "Adding a language" in
docs/architecture.md (settings only; its columns come from the models, as `makemigrations`
would write them)."""

from clara.settings.test import *  # noqa: F403
from clara.settings.test import LANGUAGES, MODELTRANSLATION_FALLBACK_LANGUAGES, SEARCH_CONFIGS

LANGUAGES = [*LANGUAGES, ("es", "Español")]
MODELTRANSLATION_LANGUAGES = ("fr", "en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = {**MODELTRANSLATION_FALLBACK_LANGUAGES, "es": ("en", "fr")}
SEARCH_CONFIGS = {**SEARCH_CONFIGS, "es": "spanish"}
