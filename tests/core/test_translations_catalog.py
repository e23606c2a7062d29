"""The French catalogue translates every message it holds: a fuzzy or empty entry shows English
on the French site (`make messages` adds the new ones; each needs its French)."""

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def entries(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if re.search(r"^msgid ", block, re.M)]


def translations(block: str) -> list[str]:
    """Each msgstr of an entry (one, or one per plural form), its continued lines joined."""
    found, current = [], None
    for line in block.splitlines():
        if line.startswith("msgstr"):
            current = len(found)
            found.append(line.split(" ", 1)[1].strip('"'))
        elif current is not None and line.startswith('"'):
            found[current] += line.strip('"')
    return found


def untranslated(text: str) -> list[str]:
    found = []
    for block in entries(text):
        msgid = re.search(r'^msgid "(.*)"', block, re.M).group(1)
        if not msgid and "msgid_plural" not in block:
            continue  # the header
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        if re.search(r"^#, .*fuzzy", block, re.M) or not all(translations(block)):
            found.append(msgid)
    return found


def test_every_french_message_is_translated():
    assert untranslated(CATALOGUE.read_text(encoding="utf-8")) == []


def test_the_check_finds_fuzzy_and_empty_entries():
    sample = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "Show all"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "last key"\nmsgstr "nom"\n\n'
        'msgid "Events"\nmsgstr "Événements"\n\n'
        'msgid "Long"\nmsgstr ""\n"Texte long"\n'
    )
    assert untranslated(sample) == ["Show all", "last key"]
