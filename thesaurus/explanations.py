"""Why a search found what it found through the thesaurus, in the reader's language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.text import fold
from core.typography import typography

from .models import TermKind, normalize
from .selectors import Expansion, Group, Match

SHOWN = 8  # other terms named in the summary


def _relation(kind: str) -> str | None:
    """How a matched term relates to its concept (None: it is the preferred term)."""
    if kind == TermKind.SYNONYM:
        return _("matched: %(term)s, synonym of %(concept)s")
    if kind == TermKind.ABBREVIATION:
        return _("matched: %(term)s, abbreviation of %(concept)s")
    if kind == TermKind.MISSPELLING:
        return _("matched: %(term)s, common misspelling of %(concept)s")
    return None


def _match_line(match: Match) -> str:
    relation = _relation(match.kind)
    if relation is None or fold(match.term) == fold(match.concept):
        line = _("matched: %(term)s") % {"term": match.term}
    else:
        line = relation % {"term": match.term, "concept": match.concept}
    if not match.exact:
        line += " " + _("(closest to “%(typed)s”)") % {"typed": match.typed}
    return line


def group_lines(group: Group) -> list[str]:
    """What the typed words matched, and what else was searched for them."""
    lines = [typography(_match_line(match)) for match in group.matches]
    others = [
        group.texts.get(phrase, phrase)
        for phrase in group.phrases[1:]
        if phrase != fold(group.term)
    ]
    if others:
        shown = ", ".join(others[:SHOWN])
        if len(others) > SHOWN:
            shown += " " + _("and %(count)d more") % {"count": len(others) - SHOWN}
        also = _("also searched: %(terms)s") % {"terms": shown}
        if group.narrower:
            also += " " + ngettext(
                "(%(count)d narrower concept included)",
                "(%(count)d narrower concepts included)",
                group.narrower,
            ) % {"count": group.narrower}
        lines.append(typography(also))
    return lines


def summary(expansion: Expansion | None) -> list[list[str]]:
    """The lines of each part of the query the thesaurus expanded."""
    if not expansion:
        return []
    return [group_lines(group) for group in expansion.groups]


def reason(text: str, expansion: Expansion | None) -> str:
    """Why a record whose text is `text` was found, when it holds a term the thesaurus added
    rather than the words typed: "matched: carcinome hépatocellulaire, synonym of
    hépatocarcinome"; else ""."""
    if not expansion:
        return ""
    folded = " ".join(fold(text).replace("-", " ").split())
    for group in expansion.groups:
        if group.phrases and group.phrases[0] in folded:
            continue  # the words as typed are there
        for phrase in group.phrases[1:]:
            if phrase in folded:
                if phrase == normalize(group.term):  # the term a typo was read as
                    return typography(_match_line(group.matches[0]))
                if phrase in group.narrower_phrases:
                    line = _("matched: %(term)s, narrower than %(concept)s")
                else:
                    line = _("matched: %(term)s, synonym of %(concept)s")
                term = group.texts.get(phrase, phrase)
                return typography(line % {"term": term, "concept": group.term})
    return ""
