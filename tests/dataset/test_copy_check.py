"""No published sentence may copy a sentence of the source documents: 8 words in a row at most.

Skipped when the documents (../shared/seeds/ next to the repository) are not there.
"""

import re
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from dataset import clara

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
RUN = 8
# Proper names may be quoted as such: they are not prose.
NAME_FIELDS = ("name_fr", "name_en", "title_fr", "title_en", "title", "sources")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def runs(text: str) -> set[tuple[str, ...]]:
    found = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        tokens = words(sentence)
        found.update(tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1))
    return found


def seed_runs() -> set[tuple[str, ...]]:
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= runs(re.sub(r"\s+", " ", path.read_text(encoding="utf-8")))
    return found


def published_texts():
    """(where, text) for every piece of prose the dataset publishes."""

    def walk(where, value, key=""):
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in NAME_FIELDS:
                    yield from walk(f"{where}.{k}", v, k)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                yield from walk(f"{where}[{i}]", v, key)

    for name in ("THEMES", "INSTITUTIONS", "PEOPLE", "TEAMS", "PARTNERSHIPS", "CLARA_FIGURES"):
        yield from walk(name, getattr(clara, name))
    for name in ("AGREEMENTS", "MOBILITIES", "EVENTS"):
        yield from walk(name, getattr(clara, name))


def copied_runs() -> list[str]:
    seeds = seed_runs()
    problems = []
    for where, text in published_texts():
        for run in sorted(runs(text) & seeds):
            problems.append(f"{where}: “{' '.join(run)}”")
    return problems


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not next to the repo")
def test_no_sentence_copies_a_source_document():
    assert copied_runs() == []


def test_the_check_catches_a_copy(tmp_path):
    copy = "CLARA hosted a Senegalese delegation which came to study the organization."
    assert runs(copy) & runs("A Senegalese delegation benefits. " + copy)
    assert not runs("CLARA welcomed visitors from Senegal to learn about care.") & runs(copy)
