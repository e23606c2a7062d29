"""French typography applied to what the site outputs: nobody has to type special spaces.

Staff type ordinary spaces and straight apostrophes, and the stored text keeps them; French
output goes through this one module at its boundaries (HTML pages and the admin:
`core.middleware.FrenchTypographyMiddleware`; CSV and XLSX exports: `adminkit.spreadsheets`;
JSON-LD: the `json_ld` tag; iCalendar: `core.calendars`; e-mails: `alerts.services`).

`french(text)` puts a narrow no-break space (U+202F) before : ; ? ! and inside « », groups
digits with a narrow no-break space (1 300), keeps "15 M$" and "Pr C." together, turns straight
apostrophes into typographic ones, writes "1er mars", puts an en dash in year ranges
(2011–2014) and writes "cofondateur", "cofinancées". Web and e-mail addresses are left as
they are.
`typography(text)` applies it only when the active language is French; `plain(text)` undoes the
spaces and apostrophes (an exported file imported again stores what staff would have typed).
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
    # The first day of a month: 1er mars 2018, du 1er au 3 juillet.
    (
        re.compile(
            r"(?<![\d,.])\b1(?= (?:au \d{1,2} )?(?:janvier|février|mars|avril|mai|juin|juillet"
            r"|août|septembre|octobre|novembre|décembre)\b)"
        ),
        "1er",
    ),
    # Year ranges: 2011-2014 → 2011–2014.
    (re.compile(r"(?<![\d/.-])(\d{4})\s?-\s?(\d{4})(?![\d/-])"), "\\1–\\2"),
    # Digits grouped by three: 1 300, 20 000 (an ordinary or no-break space between).
    (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NNBSP),
    # A number and its unit or currency: 15 M$, 20 %, 4 mois.
    (re.compile(r"(?<=\d) (?=(?:M|k|Md)?[$€£%]|M\$|mois\b|ans\b|jours\b)"), NBSP),
    # Titles stay with the name: Pr C. Brambilla, Dr P. Mehlen.
    (re.compile(r"\b(Pr|Dr|Mme|M\.) (?=[A-ZÉ])"), "\\1" + NBSP),
    # Guillemets: « citation ».
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NNBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NNBSP + "»"),
    # Before : when the colon ends a word and is followed by a space.
    (re.compile(r"(?<=[\w)»’\"%])[ \u00a0\u202f]?:(?=\s|$)"), NNBSP + ":"),
    # Before ; ? ! (a narrow no-break space).
    (re.compile(r"(?<=[\w)»’\"%])[ \u00a0\u202f]?([;?!])(?=\s|$|[»)])"), NNBSP + "\\1"),
]

# Left as written: web and e-mail addresses, and HTML character references (&gt;).
_ADDRESSES = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+\.(?:fr|org|com|ca)/\S*"
    r"|&#?\w+;"
)


def _french_words(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def french(text: str) -> str:
    if not text:
        return text
    parts = []
    last = 0
    for address in _ADDRESSES.finditer(text):
        parts.append(_french_words(text[last : address.start()]))
        parts.append(address.group())
        last = address.end()
    parts.append(_french_words(text[last:]))
    return "".join(parts)


def is_french(language: str | None = None) -> bool:
    return (language or get_language() or "").startswith("fr")


def typography(text: str, language: str | None = None) -> str:
    """French rules on French pages, e-mails and exports; other languages unchanged."""
    return french(text) if is_french(language) and isinstance(text, str) else text


_PLAIN = str.maketrans({"’": "'", NBSP: " ", NNBSP: " "})


def plain(text):
    """What staff type for what `french` writes: straight apostrophes and ordinary spaces (a file
    exported in French and imported again changes nothing)."""
    return text.translate(_PLAIN) if isinstance(text, str) else text


# Scripts, styles, code, preformatted text and text areas (what a form sends back) are left
# whole; comments and tags are kept apart from the text between them.
_TOKENS = re.compile(
    r"(<(script|style|pre|code|textarea)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I
)
# Attributes read as text by people and screen readers (never values a form sends back).
_TEXT_ATTRIBUTES = re.compile(r"(\s(?:title|alt|aria-label|placeholder)=\")([^\"<>]*)(\")", re.I)
# The page's description and title as search engines and link previews show them.
_TEXT_META = re.compile(r"<meta\s[^>]*(?:name|property)=\"(?:og:)?(?:description|title)\"", re.I)
_META_CONTENT = re.compile(r"(\scontent=\")([^\"<>]*)(\")", re.I)
_APOSTROPHE_ENTITIES = re.compile(r"&#(?:x27|39);")
# A punctuation mark opening a text node after an inline element: <b>Source</b> :
_LEADING_MARK = re.compile(r"^[ \u00a0]([:;?!])(?=\s|$)")


def _french_html_text(text: str) -> str:
    if not text or text.isspace():
        return text
    text = _APOSTROPHE_ENTITIES.sub("'", text).replace("&nbsp;", NBSP)
    text = _LEADING_MARK.sub(NNBSP + r"\1", text)
    return french(text)


def _french_tag(tag: str) -> str:
    if tag.startswith(("<!", "</")) or "=" not in tag:
        return tag
    tag = _TEXT_ATTRIBUTES.sub(_french_attribute, tag)
    return _META_CONTENT.sub(_french_attribute, tag) if _TEXT_META.match(tag) else tag


def _french_attribute(match: re.Match) -> str:
    return match.group(1) + _french_html_text(match.group(2)) + match.group(3)


def typography_html(html: str, language: str | None = None) -> str:
    """The same rules on the text of an HTML document (pages, e-mails): never in a tag's name or
    its values (bar the text of title, alt, aria-label and placeholder), nor in scripts, styles,
    code, preformatted text or text areas; the content of the description and title meta tags
    is text."""
    if not is_french(language) or not html:
        return html
    pieces = _TOKENS.split(html)
    # split() gives: text, token, inner group (element name or None), text, token, …
    out = []
    for index in range(0, len(pieces), 3):
        out.append(_french_html_text(pieces[index]))
        if index + 1 < len(pieces):
            token, raw_element = pieces[index + 1], pieces[index + 2]
            out.append(token if raw_element else _french_tag(token))
    return "".join(out)


# Keys of schema.org data whose values are identifiers, codes, dates or addresses, not prose.
_DATA_KEYS_LEFT = {
    "url",
    "sameAs",
    "identifier",
    "propertyID",
    "value",
    "startDate",
    "endDate",
    "foundingDate",
    "eventStatus",
    "addressCountry",
    "inLanguage",
}


def typography_data(data, language: str | None = None):
    """French typography on the text values of structured data (JSON-LD) in French; keys
    starting with @, and identifiers, dates and addresses, are left as they are."""
    if not is_french(language):
        return data
    if isinstance(data, dict):
        return {
            key: value
            if key.startswith("@") or key in _DATA_KEYS_LEFT
            else typography_data(value, "fr")
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [typography_data(value, "fr") for value in data]
    if isinstance(data, str):
        return french(data)
    return data
