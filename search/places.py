"""Places a search query names: countries by their name in French or English ("Chine",
"China", "États-Unis"), and word sequences that may be a city ("Shanghai"), so that the search
lists or ranks first the partners there (search.selectors)."""

import functools

from django.utils import translation
from django_countries import countries

from core.languages import content_languages
from thesaurus.selectors import query_words

LONGEST_PLACE = 4  # words


@functools.cache
def _country_codes() -> dict[str, str]:
    """Folded country name, in each content language -> its code (read once per process)."""
    names: dict[str, str] = {}
    for language in content_languages():
        with translation.override(language):
            for code, name in countries:
                names.setdefault(" ".join(query_words(str(name))), code)
    return names


def place_phrases(query: str) -> list[str]:
    """Every sequence of up to LONGEST_PLACE words of the query, folded."""
    found = query_words(query)
    return [
        " ".join(found[start : start + length])
        for length in range(1, min(LONGEST_PLACE, len(found)) + 1)
        for start in range(len(found) - length + 1)
    ]


def country_named(query: str) -> str | None:
    """The code of the country the whole query names, if it names one and nothing else."""
    return _country_codes().get(" ".join(query_words(query)))


def countries_named(query: str) -> list[str]:
    """The codes of the countries some words of the query name."""
    codes = _country_codes()
    return sorted({codes[phrase] for phrase in place_phrases(query) if phrase in codes})
