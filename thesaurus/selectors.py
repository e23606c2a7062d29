"""Query expansion: the parts of a search query that name a concept of the thesaurus, and the
other terms of those concepts and of their narrower concepts, in both languages.

Two queries at most, whatever the size of the thesaurus: the terms the query's word sequences
name (exactly, once normalized, or nearly: trigram similarity on PostgreSQL, served by the
trigram index; on SQLite the terms sharing a word's first letters, compared in Python), then,
only when some matched, the terms of those concepts and of the concepts up to three levels
narrower, bounded.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import get_language

from core.text import fold

from .models import Term

LONGEST_TERM = 6  # words: longer word sequences of a query are not looked up
# Letters: shorter sequences are matched exactly only (CHC, HCC, and common short words such
# as "cancer", whose trigram scan would read most of a large thesaurus).
TYPO_MIN_LENGTH = 7
TYPO_CLOSENESS = 0.85  # difflib's ratio between what was typed and a term
TRIGRAM_PRESELECT = 0.45  # PostgreSQL's similarity, to read only likely terms
TYPO_CANDIDATES = 200
TYPO_PER_TARGET = 20  # the closest terms read per sequence of words (PostgreSQL)
ALTERNATIVES = 30  # terms added per matched part of the query, the concept's own first
NARROWER_LEVELS = 3


@dataclass(frozen=True)
class Match:
    """A part of the query that names a concept: what was typed, the term it matched."""

    typed: str
    term: str
    kind: str
    concept_id: int
    concept_fr: str
    concept_en: str
    exact: bool

    @property
    def concept(self) -> str:
        return self.concept_en if get_language() == "en" else self.concept_fr or self.concept_en


@dataclass
class Group:
    """Words start..end of the query, and what may stand for them (folded phrases, the typed
    words first)."""

    start: int
    end: int
    matches: list[Match]
    phrases: list[str] = field(default_factory=list)
    narrower: int = 0  # narrower concepts whose terms were added
    narrower_phrases: set[str] = field(default_factory=set)  # the phrases they brought
    texts: dict[str, str] = field(default_factory=dict)  # phrase -> the term as written

    @property
    def searched(self) -> list[str]:
        """The phrases to search: without those holding another one (a record matching
        "lymphomes malins" matches "lymphomes" anyway), so that a concept with many narrower
        ones ("hépatocarcinome de l'enfant", …) costs the search little more than one term."""
        padded = [f" {phrase} " for phrase in self.phrases]
        return [
            phrase
            for phrase, mine in zip(self.phrases, padded, strict=True)
            if not any(other != mine and other in mine for other in padded)
        ]

    @property
    def term(self) -> str:
        """The term the typed words matched, as the thesaurus writes it."""
        return self.matches[0].term

    @property
    def typed(self) -> str:
        return self.matches[0].typed


@dataclass
class Expansion:
    words: list[str]  # the query's words, folded
    groups: list[Group] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def rest(self) -> list[str]:
        """The words no group covers."""
        covered = {i for group in self.groups for i in range(group.start, group.end)}
        return [w for i, w in enumerate(self.words) if i not in covered]

    @property
    def matches(self) -> list[Match]:
        return [match for group in self.groups for match in group.matches]


def query_words(query: str) -> list[str]:
    return re.findall(r"\w+", fold(query))


def _spans(words: list[str]) -> dict[str, tuple[int, int]]:
    """Every sequence of up to LONGEST_TERM words, longest first: text -> (start, end)."""
    spans: dict[str, tuple[int, int]] = {}
    for length in range(min(LONGEST_TERM, len(words)), 0, -1):
        for start in range(len(words) - length + 1):
            spans.setdefault(" ".join(words[start : start + length]), (start, start + length))
    return spans


def _typo_targets(spans: dict[str, tuple[int, int]]) -> list[str]:
    """Sequences of one or two words long enough to carry a typo, and the whole query."""
    return [
        text
        for text, (start, end) in spans.items()
        if len(text.replace(" ", "")) >= TYPO_MIN_LENGTH and end - start <= 2
    ]


def _postgres() -> bool:
    return connection.vendor == "postgresql"


TERM_COLUMNS = ("normalized", "text", "kind", "concept_id", "concept__name_fr", "concept__name_en")


def _prefix(target: str) -> str:
    """The first letters a typo is assumed to keep (a third of the word, three at least): the
    terms that may be meant are read by an index range scan, not by comparing every term."""
    return target[: max(3, len(target) // 3)]


def _candidate_terms(spans: dict, targets: list[str]) -> list[tuple]:
    """One query: the terms equal to a sequence of the query's words, and those that may be
    one with a typo: those starting with the same letters (a b-tree range), the closest by
    trigram similarity first on PostgreSQL (one bounded branch per sequence of words, in a
    UNION ALL), compared in Python (difflib) on both."""
    exact = Term.objects.filter(normalized__in=list(spans)).order_by()
    if not targets:
        return list(exact.values_list(*TERM_COLUMNS)[:TYPO_CANDIDATES])
    if _postgres():
        close = [
            Term.objects.filter(normalized__startswith=_prefix(target))
            .alias(_similarity=TrigramSimilarity("normalized", Value(target)))
            .filter(_similarity__gte=TRIGRAM_PRESELECT)
            .order_by("-_similarity")
            .values_list(*TERM_COLUMNS)[:TYPO_PER_TARGET]
            for target in targets
        ]
        exact = exact.values_list(*TERM_COLUMNS)[:TYPO_CANDIDATES]
        return list(exact.union(*close, all=True))
    condition = Q(normalized__in=list(spans))
    for prefix in {_prefix(target) for target in targets}:
        condition |= Q(normalized__startswith=prefix)
    exact_first = Case(
        When(normalized__in=list(spans), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = Term.objects.filter(condition).order_by(exact_first, "pk")
    return list(rows.values_list(*TERM_COLUMNS)[:TYPO_CANDIDATES])


def _scored(spans: dict, targets: list[str], rows: list[tuple]) -> list[tuple]:
    """(exact, length, closeness, span, Match) of each term a sequence of words names."""
    found = []
    for normalized, text, kind, concept_id, name_fr, name_en in rows:
        if normalized in spans:
            start, end = spans[normalized]
            match = Match(normalized, text, kind, concept_id, name_fr, name_en, True)
            found.append((1, end - start, 1.0, (start, end), match))
            continue
        for target in targets:
            closeness = difflib.SequenceMatcher(None, target, normalized).ratio()
            if closeness >= TYPO_CLOSENESS:
                start, end = spans[target]
                match = Match(target, text, kind, concept_id, name_fr, name_en, False)
                found.append((0, end - start, closeness, (start, end), match))
    return found


def _groups(found: list[tuple]) -> list[Group]:
    """The best matches that do not overlap: exact before close, longer before shorter; at
    one place, every concept matched equally well."""
    found.sort(key=lambda item: (-item[0], -item[1], -item[2]))
    taken: set[int] = set()
    groups: dict[tuple[int, int], tuple[tuple, Group]] = {}
    for exact, length, closeness, (start, end), match in found:
        key = (start, end)
        if key in groups:
            best, group = groups[key]
            if (exact, length, closeness) == best and all(
                m.concept_id != match.concept_id for m in group.matches
            ):
                group.matches.append(match)
            continue
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        groups[key] = ((exact, length, closeness), Group(start, end, [match]))
    return sorted((group for _best, group in groups.values()), key=lambda g: g.start)


def _alternatives(groups: list[Group], words: list[str]) -> None:
    """One query: the terms of the matched concepts and of their narrower concepts (up to
    NARROWER_LEVELS below), the matched concepts' own first, ALTERNATIVES per group at most."""
    roots = {match.concept_id for group in groups for match in group.matches}
    paths = ["concept"] + ["concept" + "__broader" * level for level in range(1, NARROWER_LEVELS)]
    condition = Q()
    depth = []
    for level, path in enumerate(paths):
        condition |= Q(**{f"{path}__in": roots})
        depth.append(When(**{f"{path}__in": roots}, then=Value(level)))
    columns = [f"{path}_id" if level == 0 else f"{path}__id" for level, path in enumerate(paths)]
    rows = (
        Term.objects.filter(condition)
        .exclude(kind=Term.Kind.MISSPELLING)  # for matching what is typed, not in any text
        .annotate(_depth=Case(*depth, default=Value(NARROWER_LEVELS), output_field=IntegerField()))
        .order_by("_depth", "concept_id", "pk")
        .values_list("normalized", "text", *columns)[: ALTERNATIVES * len(groups) * 4]
    )
    by_root: dict[int, list[tuple[str, str, int]]] = {}
    for normalized, text, *chain in rows:
        for root in chain:
            if root in roots:
                by_root.setdefault(root, []).append((normalized, text, chain[0]))
                break
    for group in groups:
        phrases = [" ".join(words[group.start : group.end])]
        narrower: set[int] = set()
        own = {match.concept_id for match in group.matches}
        for root in own:
            for normalized, text, concept_id in by_root.get(root, []):
                if len(phrases) >= ALTERNATIVES:
                    break
                if normalized not in phrases:
                    phrases.append(normalized)
                    group.texts[normalized] = text
                    if concept_id not in own:
                        narrower.add(concept_id)
                        group.narrower_phrases.add(normalized)
        group.phrases = phrases
        group.narrower = len(narrower)


def expand(query: str) -> Expansion:
    """What the thesaurus adds to `query` (nothing: an empty Expansion)."""
    words = query_words(query)
    if not words:
        return Expansion(words)
    spans = _spans(words)
    targets = _typo_targets(spans)
    found = _scored(spans, targets, _candidate_terms(spans, targets))
    if not found:
        return Expansion(words)
    groups = _groups(found)
    _alternatives(groups, words)
    return Expansion(words, groups)
