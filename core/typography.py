"""French typography applied to text as staff type it: nobody has to type special spaces.

`french(text)` puts a narrow no-break space before ; ? ! and a no-break space before : and
inside « », groups digits with a narrow no-break space (1 300), keeps "15 M$" and "Pr C."
together, turns straight apostrophes into typographic ones, puts an en dash in year ranges
(2011–2014) and writes "cofondateur", "cofinancées". `typography(text)` applies it only when
the active language is French.
"""

import re

from django.utils.translation import get_language

NBSP = "\u00a0"
NNBSP = "\u202f"

_RULES = [
    # Prefixes written without a hyphen in French (cofondateur, cofinancé, copublication…).
    (re.compile(r"\b([Cc])o-(fond|financ|publi|organis|sign|écri)"), r"\1o\2"),
    # Straight apostrophe between letters.
    (re.compile(r"(?<=\w)'(?=\w)"), "’"),
    # Year ranges: 2011-2014 → 2011–2014.
    (re.compile(r"(?<![\d/.-])(\d{4})\s?-\s?(\d{4})(?![\d/-])"), "\\1–\\2"),
    # Digits grouped by three: 1 300, 20 000 (an ordinary or no-break space between).
    (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NNBSP),
    # A number and its unit or currency: 15 M$, 20 %, 4 mois.
    (re.compile(r"(?<=\d) (?=(?:M|k|Md)?[$€£%]|M\$|mois\b|ans\b|jours\b)"), NBSP),
    # Titles stay with the name: Pr C. Brambilla, Dr P. Mehlen.
    (re.compile(r"\b(Pr|Dr|Mme|M\.) (?=[A-ZÉ])"), "\\1" + NBSP),
    # Guillemets: « citation ».
    (re.compile(r"«\s*"), "«" + NBSP),
    (re.compile(r"\s*»"), NBSP + "»"),
    # Before : (a no-break space) when the colon ends a word and is followed by a space.
    (re.compile(r"(?<=[\w)»’\"%])[ \u00a0\u202f]?:(?=\s|$)"), NBSP + ":"),
    # Before ; ? ! (a narrow no-break space).
    (re.compile(r"(?<=[\w)»’\"%])[ \u00a0\u202f]?([;?!])(?=\s|$|[»)])"), NNBSP + "\\1"),
]


def french(text: str) -> str:
    if not text:
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typography(text: str, language: str | None = None) -> str:
    """French rules on French pages, e-mails and exports; other languages unchanged."""
    language = language or get_language() or ""
    return french(text) if language.startswith("fr") else text


_TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)([^<]+)(?=<)")


def typography_html(html: str, language: str | None = None) -> str:
    """The same rules on the text of an HTML document (e-mails), never inside a tag."""
    language = language or get_language() or ""
    if not language.startswith("fr"):
        return html
    return _TEXT_BETWEEN_TAGS.sub(lambda match: french(match.group(1)), html)
