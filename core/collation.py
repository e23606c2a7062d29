"""Names sorted as readers expect: "Épidémiologie" among the E's, "CONTICANET" after "Clusters"
(letters first; case and accents only break ties), in the page's language.

One collation, `clara_sort`: on PostgreSQL the ICU root collation (created by
core/migrations/0002), on SQLite a Python comparison of folded text registered on every
connection (`core.text.register_sqlite_functions`). Lists order by `collated("name")`; the
long paginated ones have an index on the same expression. Bounded lists built in Python use
`sort_key`, which gives the same order.
"""

from django.db.models import F
from django.db.models.functions import Collate
from django.utils.deconstruct import deconstructible
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as content_language

from core.text import fold

COLLATION = "clara_sort"


def sort_key(text: str | None) -> tuple[str, str]:
    """Folded letters first (no case, no accents), then the text itself to break ties."""
    text = text or ""
    return (fold(text), text)


def compare(left: str, right: str) -> int:
    """SQLite's `clara_sort`: -1, 0 or 1 as sort_key orders the two texts."""
    left_key, right_key = sort_key(left), sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


@deconstructible(path="core.collation.InLanguage")
class InLanguage(F):
    """A translated field in the content language active when the query is compiled (not when
    it is written): usable in a model's Meta.ordering."""

    def resolve_expression(self, *args, **kwargs):
        column = build_localized_fieldname(self.name, content_language())
        return F(column).resolve_expression(*args, **kwargs)


def collated(field: str, *, translated: bool = True) -> Collate:
    """`field` (in the page's content language when it is translated) in `clara_sort` order."""
    return Collate(InLanguage(field) if translated else F(field), COLLATION)


def collated_column(column: str) -> Collate:
    """A given column (name_fr) in `clara_sort` order: for the indexes of each language."""
    return Collate(F(column), COLLATION)
