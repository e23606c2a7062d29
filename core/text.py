"""Text folding (lower case, no accents) shared by the apps: in Python and in the database."""

import functools
import re
import unicodedata

from django.db.models import Func, Q, TextField
from django.db.models.functions import Lower
from django.utils.crypto import get_random_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify


def fold(text: str) -> str:
    """Lower case without accents: "Hépatocarcinome" -> "hepatocarcinome"."""
    if text.isascii() if isinstance(text, str) else not text:
        return (text or "").casefold()  # nothing to take off: the common case, at C speed
    return _fold(text)


@functools.lru_cache(maxsize=65_536)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char.casefold()[:1] or char


class _FoldTable(dict):
    """str.translate table folding one character to one (fold_char), filled as met."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = fold_char(chr(codepoint))
        return folded


_FOLD_TABLE = _FoldTable()


def words(query: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(query)) if len(w) >= 2]


def register_sqlite_functions(sender, connection, **kwargs):
    """SQLite has no unaccent: give it one, so that "hepatocarcinome" finds "hépatocarcinome"."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "unaccent",
            1,
            lambda value: fold(value) if value is not None else None,
            deterministic=True,
        )
        from core.collation import COLLATION, compare

        connection.connection.create_collation(COLLATION, compare)


@functools.lru_cache(maxsize=64)
def _highlight_pattern(query: str) -> re.Pattern | None:
    terms = [re.escape(w[:6] if len(w) > 6 else w) for w in words(query)]
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(terms) + r")\w*", re.UNICODE)


def highlight(text: str, query: str) -> SafeString:
    """Wrap the words of `query` in <mark>, ignoring accents and case; everything else escaped."""
    text = text or ""
    pattern = _highlight_pattern(query)
    if pattern is None:
        return escape(text)
    # Folding char by char keeps positions aligned with the original text.
    folded = text.translate(_FOLD_TABLE)
    parts, last = [], 0
    for match in pattern.finditer(folded):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


class Unaccent(Func):
    """f_unaccent() on PostgreSQL (an IMMUTABLE wrapper, indexable); unaccent() on SQLite."""

    function = "unaccent"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="f_unaccent", **extra_context)


def folded(column: str) -> Unaccent:
    return Unaccent(Lower(column))


def unique_slug(model, text: str, *, max_length: int = 120) -> str:
    """A slug made from `text` that no record of `model` has yet ("name", "name-2", …): one
    indexed look-up per try, a handful at most."""
    base = slugify(text)[: max_length - 4].strip("-") or "record"
    taken = model._default_manager.filter(slug__startswith=base)
    for number in range(1, 10):
        candidate = base if number == 1 else f"{base}-{number}"
        if not taken.filter(slug=candidate).exists():
            return candidate
    return f"{base[: max_length - 9]}-{get_random_string(8).lower()}"


# Words too common in organisation names to tell two apart.
GENERIC_WORDS = {
    "universite", "university", "universitat", "universitaet", "universidad", "universita",
    "institut", "institute", "instituto", "istituto", "centre", "center", "centro", "national",
    "nationale", "hopital", "hospital", "clinique", "clinic", "research", "recherche", "cancer",
    "school", "ecole", "college", "faculty", "faculte", "medical", "medicale", "medicine",
    "medecine", "sciences", "science", "network", "reseau", "programme", "program", "project",
    "projet", "international", "cooperation", "partnership", "partenariat", "with", "avec",
    "pour", "for", "and", "the", "des", "les", "und", "der", "die",
}  # fmt: skip


def similar_names_q(names: list[str], columns: list[str]) -> Q | None:
    """A condition on aliases `_folded_<column>` (see folded_aliases): a column holds one of
    `names` exactly (folded), or every distinctive word of it (at most the two longest), all
    served by the trigram indexes on folded names."""
    condition = Q()
    for name in filter(None, names):
        for column in columns:
            condition |= Q(**{f"_folded_{column}": fold(name)})
        distinctive = sorted(
            (w for w in words(name) if len(w) >= 4 and w not in GENERIC_WORDS), key=len
        )[-2:]
        for column in columns if distinctive else ():
            condition |= Q(*(Q(**{f"_folded_{column}__contains": w}) for w in distinctive))
    return condition or None


def folded_aliases(columns: list[str]) -> dict:
    return {f"_folded_{column}": folded(column) for column in columns}
