"""Validators for the identifiers research information systems share."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

CROCKFORD_BASE32 = "0123456789abcdefghjkmnpqrstvwxyz"
ROR_ID_RE = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$")
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
WIKIDATA_ID_RE = re.compile(r"^Q[1-9]\d*$")


def ror_checksum(body: str) -> int:
    """ISO/IEC 7064 mod 97-10 over the base-32 value of the seven first characters."""
    number = 0
    for char in body:
        number = number * 32 + CROCKFORD_BASE32.index(char)
    return 98 - ((number * 100) % 97)


def validate_ror_id(value: str) -> None:
    if not ROR_ID_RE.match(value) or ror_checksum(value[:7]) != int(value[7:]):
        raise ValidationError(
            _("“%(value)s” is not a valid ROR identifier (nine characters, such as 03vek6s52)."),
            code="invalid_ror_id",
            params={"value": value},
        )


def orcid_check_digit(digits: str) -> str:
    """ISO 7064 MOD 11-2 over the fifteen first digits."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value: str) -> None:
    digits = value.replace("-", "")
    if not ORCID_RE.match(value) or orcid_check_digit(digits[:15]) != digits[15]:
        raise ValidationError(
            _("“%(value)s” is not a valid ORCID iD (such as 0000-0002-1825-0097)."),
            code="invalid_orcid",
            params={"value": value},
        )


def validate_wikidata_id(value: str) -> None:
    if not WIKIDATA_ID_RE.match(value):
        raise ValidationError(
            _("“%(value)s” is not a Wikidata identifier (Q followed by digits, such as Q90)."),
            code="invalid_wikidata_id",
            params={"value": value},
        )


def validate_pdf(file) -> None:
    """A real PDF (by its first bytes, not only its name) and not larger than the limit."""
    limit = settings.AGREEMENT_DOCUMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; documents may be at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    if not file.name.lower().endswith(".pdf"):
        raise ValidationError(_("Only PDF files are accepted."), code="not_pdf")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    header = file.read(5)
    file.seek(position)
    if header != b"%PDF-":
        raise ValidationError(
            _("This file is not a PDF document, whatever its name says."), code="not_pdf"
        )


def validate_order(instance, *pairs: tuple[str, str]) -> None:
    """Each (earlier, later) pair of fields in order; the error sits next to the later field,
    naming the earlier one (the database constraint behind it stays the last line of defence)."""
    errors = {}
    for earlier, later in pairs:
        first, last = getattr(instance, earlier), getattr(instance, later)
        if first is not None and last is not None and last < first:
            errors[later] = ValidationError(
                _("Cannot be before “%(earlier)s” (%(value)s)."),
                code="before_start",
                params={
                    "earlier": instance._meta.get_field(earlier).verbose_name,
                    "value": first,
                },
            )
    if errors:
        raise ValidationError(errors)


# What RFC 3986 never allows in a URI, even percent-encoded elsewhere: quotes, angle brackets,
# braces, pipes, backslashes, carets, backticks, spaces and control characters. Accented letters
# are kept (an IRI): the API gives them percent-encoded.
NOT_IN_URI_RE = re.compile(r'["<>{}|\\^`\s\x00-\x1f\x7f]')


def validate_uri_characters(value: str) -> None:
    """For every URLField, beside Django's URLValidator (which lets these through)."""
    if NOT_IN_URI_RE.search(value):
        raise ValidationError(
            _("An address cannot contain quotes, angle brackets, braces or spaces."),
            code="invalid_uri",
        )


# Keywords of a search: each word costs the database a branch of its query (a query of 200
# words took 17 s), so every search surface takes at most this many.
KEYWORDS_MAX_WORDS = 12
KEYWORDS_MAX_LENGTH = 200


def validate_keywords(value: str) -> None:
    if len(value) > KEYWORDS_MAX_LENGTH or len(re.findall(r"\w+", value)) > KEYWORDS_MAX_WORDS:
        raise ValidationError(
            _("Search with at most %(words)d words (%(length)d characters)."),
            code="too_many_keywords",
            params={"words": KEYWORDS_MAX_WORDS, "length": KEYWORDS_MAX_LENGTH},
        )
