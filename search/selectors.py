"""The partner search: ranked, accent- and case-insensitive, forgiving small typos, bounded.

Whatever the amount of data, a search reads a bounded candidate set: the first
`settings.SEARCH_CANDIDATES` matching primary keys (own text first, then matches through themes,
institutions and collaborations), each branch an index scan stopped by its LIMIT. Only those
candidates are ranked, counted (beyond the bound the count says "more than") and faceted.
The CSV export reads every match instead, in chunks (`export_rows`).

PostgreSQL: websearch_to_tsquery in French and English against stored, weighted tsvector
columns (search/documents.py) and trigram similarity on names, all served by GIN indexes.
SQLite (the demo): accent-insensitive word matching, with a close-match fallback for typos.
"""

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, Case, Count, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest
from django_countries import countries

from core.languages import localized
from core.text import fold, folded, words
from institutions.models import Institution, Team
from partnerships.models import Partnership, PartnershipMember
from themes.models import ResearchTheme

from .documents import CONFIGS, StoredDocument
from .kinds import KINDS

FACETS_SHOWN = 10


def postgres() -> bool:
    return connection.vendor == "postgresql"


def candidate_limit() -> int:
    return settings.SEARCH_CANDIDATES


# PostgreSQL ---------------------------------------------------------------------------------


def _queries(query: str) -> dict[str, SearchQuery]:
    text = fold(query)
    return {
        lang: SearchQuery(text, config=config, search_type="websearch")
        for lang, config in CONFIGS.items()
    }


def _with_documents(queryset: QuerySet) -> QuerySet:
    return queryset.alias(**{f"_doc_{lang}": StoredDocument(lang) for lang in CONFIGS})


def _folded_names() -> dict:
    """The name in each language, folded as the trigram indexes are (TRIGRAM_COLUMNS)."""
    return {f"_n_{column}": folded(column) for column in localized("name")}


def _own_match_postgres(queryset: QuerySet, query: str) -> tuple[QuerySet, Q]:
    """The queryset with what the condition needs, and the condition: the record's own text
    matches (stored documents), or its name is close to the query (trigrams, for typos)."""
    queryset = _with_documents(queryset)
    condition = Q()
    for lang, search_query in _queries(query).items():
        condition |= Q(**{f"_doc_{lang}": search_query})
    if queryset.model is not ResearchTheme:
        queryset = queryset.alias(**_folded_names())
        for alias in _folded_names():
            condition |= Q(**{f"{alias}__trigram_word_similar": fold(query)})
    return queryset, condition


def _matching_postgres(model, query: str, base: QuerySet | None = None) -> QuerySet:
    queryset, condition = _own_match_postgres(
        base if base is not None else model.objects.all(), query
    )
    return queryset.filter(condition).values("pk")


def _ranked_postgres(queryset: QuerySet, query: str) -> QuerySet:
    """ts_rank in each language (names weigh most), name similarity, and a bonus when the
    record's own text matches rather than a related record's."""
    queryset, own = _own_match_postgres(queryset, query)
    rank = sum(
        (
            SearchRank(StoredDocument(lang), search_query)
            for lang, search_query in _queries(query).items()
        ),
        start=Value(0.0),
    )
    similarities = [TrigramWordSimilarity(fold(query), alias) for alias in _folded_names()]
    similarity = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
    return queryset.annotate(
        relevance=rank
        + similarity
        + Case(When(own, then=Value(0.5)), default=Value(0.0), output_field=FloatField())
    )


# SQLite ---------------------------------------------------------------------------------------

FIELDS = {
    Institution: [
        *localized("name"),
        "acronym",
        *localized("city"),
        *localized("description"),
    ],
    Team: [*localized("name"), *localized("description")],
    Partnership: [
        *localized("name"),
        "acronym",
        *localized("summary"),
        *localized("description"),
    ],
    ResearchTheme: [*localized("name"), *localized("description")],
}


def _word_match(model, word: str) -> Q:
    condition = Q()
    for name in FIELDS[model]:
        condition |= Q(**{f"_f_{name}__contains": word})
    return condition


def _with_folded(queryset: QuerySet) -> QuerySet:
    return queryset.alias(**{f"_f_{name}": folded(name) for name in FIELDS[queryset.model]})


def _matching_sqlite(model, query: str, base: QuerySet | None = None) -> QuerySet:
    queryset = _with_folded(base if base is not None else model.objects.all())
    for word in words(query):
        queryset = queryset.filter(_word_match(model, word))
    return queryset.values("pk")


def _close_matches(queryset: QuerySet, query: str, limit: int) -> list[int]:
    """Typos on SQLite: names whose words are close to the query's (the demo's small data)."""
    targets = words(query)
    found = []
    for pk, *names in queryset.values_list("pk", *localized("name")).iterator():
        name_words = words(" ".join(n or "" for n in names))
        if all(difflib.get_close_matches(t, name_words, n=1, cutoff=0.8) for t in targets):
            found.append(pk)
            if len(found) > limit:
                break
    return found


def _ranked_sqlite(queryset: QuerySet, query: str) -> QuerySet:
    """Each query word in the record's own text counts 2, in its name 3; through relations 0."""
    model = queryset.model
    queryset = _with_folded(queryset)
    relevance = Value(0.0)
    for word in words(query):
        in_name = Q()
        for name in localized("name"):
            in_name |= Q(**{f"_f_{name}__contains": word})
        relevance = relevance + Case(
            When(in_name, then=Value(3.0)),
            When(_word_match(model, word), then=Value(2.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return queryset.annotate(relevance=relevance)


# Candidates -----------------------------------------------------------------------------------


class Related:
    """What matches the query among the related records (subqueries, run inside the branch)."""

    def __init__(self, query: str):
        self.query = query
        self.matching = _matching_postgres if postgres() else _matching_sqlite

    @property
    def themes(self) -> QuerySet:
        return self.matching(ResearchTheme, self.query)

    @property
    def institutions(self) -> QuerySet:
        return self.matching(Institution, self.query)

    @property
    def partnerships(self) -> QuerySet:
        return self.matching(Partnership, self.query, base=Partnership.objects.public())

    @property
    def members(self) -> QuerySet:
        """Institutions taking part in a public collaboration that matches."""
        return PartnershipMember.objects.filter(partnership__in=self.partnerships).values(
            "institution"
        )


def _own_branch(queryset: QuerySet, query: str) -> QuerySet:
    """Records whose own text or name matches (PostgreSQL); SQLite: every word matches the
    record's own text or a related record's (one branch only)."""
    model = queryset.model
    if postgres():
        own_queryset, own = _own_match_postgres(queryset, query)
        return own_queryset.filter(own).order_by()
    matched = _with_folded(queryset)
    for word in words(query):
        condition = _word_match(model, word)
        for related in KINDS_RELATED[model](Related(word)):
            condition |= related
        matched = matched.filter(condition)
    return matched.order_by()


def _related_branches(queryset: QuerySet, query: str, room: bool) -> QuerySet | None:
    """Primary keys matching through related records, each branch bounded: one UNION ALL.
    Without room (own matches fill the bound) the query is still sent, but as WHERE false,
    so that a page runs the same queries whatever the data (PostgreSQL only)."""
    if not postgres():
        return None
    limit = candidate_limit()
    related = Related(query)
    branches = [
        queryset.filter(condition)
        .filter(Value(room, output_field=BooleanField()))
        .order_by()
        .annotate(_branch=Value(number))
        .values_list("_branch", "pk")[: limit + 1]
        for number, condition in enumerate(KINDS_RELATED[queryset.model](related), start=1)
    ]
    if len(branches) == 1:
        return branches[0]
    return branches[0].union(*branches[1:], all=True).order_by()


def _team_related(related: Related) -> list[Q]:
    return [
        Q(
            pk__in=Team.themes.through.objects.filter(researchtheme__in=related.themes).values(
                "team"
            )
        ),
        Q(institution__in=related.institutions),
        Q(institution__in=related.members),
    ]


def _institution_related(related: Related) -> list[Q]:
    return [
        Q(pk__in=Team.objects.filter(themes__in=related.themes).values("institution")),
        Q(pk__in=related.members),
    ]


def _collaboration_related(related: Related) -> list[Q]:
    return [Q(themes__in=related.themes)]


KINDS_RELATED = {
    Team: _team_related,
    Institution: _institution_related,
    Partnership: _collaboration_related,
}


@dataclass
class Candidates:
    pks: list[int] = field(default_factory=list)
    capped: bool = False  # more matches than the bound: the count is "more than len(pks)"


def _candidates(queryset: QuerySet, query: str) -> Candidates:
    """Up to the bound, own matches first: two queries (own, then the related branches)."""
    limit = candidate_limit()
    rows = [
        (0, pk) for pk in _own_branch(queryset, query).values_list("pk", flat=True)[: limit + 1]
    ]
    related = _related_branches(queryset, query, room=len(rows) <= limit)
    if related is not None:
        rows += sorted(related)
    seen: dict[int, None] = {}
    per_branch: dict[int, int] = {}
    for number, pk in rows:
        per_branch[number] = per_branch.get(number, 0) + 1
        seen.setdefault(pk)
    capped = len(seen) > limit or any(n > limit for n in per_branch.values())
    pks = list(seen)[:limit]
    if not pks and not postgres() and words(query):
        pks = _close_matches(queryset, query, limit)
        capped = len(pks) > limit
        pks = pks[:limit]
    return Candidates(pks=pks, capped=capped)


# Public API -----------------------------------------------------------------------------------


@dataclass
class SearchResult:
    filterset: object
    results: QuerySet  # the candidates, ranked (or by name without keywords)
    valid: bool
    count: int = 0  # exact when not capped, else a lower bound
    capped: bool = False
    pks: list[int] = field(default_factory=list)
    matches: QuerySet | None = None  # every match, unranked: what the CSV export reads
    query: str = ""


def _filtered(kind: str, params) -> tuple[object, QuerySet, bool]:
    search_kind = KINDS[kind]
    filters = params.copy() if params else None
    if filters is not None:
        filters.pop("q", None)  # the keywords are ranked below, not merely filtered
    filterset = search_kind.filterset(filters or None, queryset=search_kind.base(params))
    valid = not filterset.is_bound or filterset.is_valid()
    queryset = filterset.qs if valid else search_kind.base(params)
    return filterset, queryset.order_by(), valid


def search(*, kind: str, params, candidates: bool = True) -> SearchResult:
    """Filter (django-filter), take the bounded candidates, rank them by relevance to `q`.

    A fixed number of queries whatever the data: one for the candidates, then the page."""
    filterset, queryset, valid = _filtered(kind, params)
    model = queryset.model
    query = params.get("q", "") if params else ""
    limit = candidate_limit()
    if not candidates:
        found = Candidates()  # the API's plain lists page through `matches` instead
    elif words(query):
        found = _candidates(queryset, query)
    else:
        pks = list(queryset.order_by("name", "pk").values_list("pk", flat=True)[: limit + 1])
        found = Candidates(pks=pks[:limit], capped=len(pks) > limit)
    results = ranked(model.objects.filter(pk__in=found.pks), query)
    return SearchResult(
        filterset=filterset,
        results=KINDS[kind].with_context(results),
        valid=valid,
        count=len(found.pks),
        capped=found.capped,
        pks=found.pks,
        matches=queryset if not words(query) else _all_matches(queryset, query),
        query=query,
    )


def ranked(queryset: QuerySet, query: str) -> QuerySet:
    """The queryset (candidates) by relevance to the query, or by name without keywords."""
    if not words(query):
        return queryset.order_by("name", "pk")
    queryset = _ranked_postgres(queryset, query) if postgres() else _ranked_sqlite(queryset, query)
    return queryset.order_by("-relevance", "name", "pk")


def _all_matches(queryset: QuerySet, query: str) -> QuerySet:
    """Every match, not only the candidates (for the export): the same branches, unbounded."""
    model = queryset.model
    if postgres():
        own_queryset, own = _own_match_postgres(queryset, query)
        condition = Q(pk__in=own_queryset.filter(own).values("pk"))
        for related in KINDS_RELATED[model](Related(query)):
            condition |= related
        return queryset.filter(condition)
    matched = _with_folded(queryset)
    for word in words(query):
        condition = _word_match(model, word)
        for related in KINDS_RELATED[model](Related(word)):
            condition |= related
        matched = matched.filter(condition)
    return matched


def facet_counts(kind: str, found: SearchResult) -> dict[str, list[tuple[str, str, int]]]:
    """Results per country and per institution kind among the candidates, the most first:
    one query over at most SEARCH_CANDIDATES rows, grouped by both, summed here."""
    search_kind = KINDS[kind]
    model, prefix = search_kind.model, search_kind.facet_prefix
    if prefix is None:
        return {}
    country, kind_field = f"{prefix}country", f"{prefix}kind"
    pairs = (
        model.objects.filter(pk__in=found.pks)
        .order_by()
        .values_list(country, kind_field)
        .annotate(n=Count("pk"))
    )
    by_country: Counter = Counter()
    by_kind: Counter = Counter()
    for code, institution_kind, n in pairs:
        by_country[code] += n
        by_kind[institution_kind] += n
    kinds = dict(Institution.Kind.choices)

    def top(counter: Counter) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACETS_SHOWN]

    return {
        "country": [(code, countries.name(code), n) for code, n in top(by_country)],
        "kind": [(code, kinds[code], n) for code, n in top(by_kind)],
    }


EXPORT_CHUNK = 500


def export_keys(found: SearchResult, limit: int) -> list[int]:
    """The keys of every match, in order, up to limit + 1 (one query; more means too many)."""
    return list(found.matches.order_by("pk").values_list("pk", flat=True)[: limit + 1])


def export_rows(kind: str, keys: list[int]) -> Iterator:
    """The records of `keys` with what the CSV shows, read in chunks (bounded memory)."""
    search_kind = KINDS[kind]
    for start in range(0, len(keys), EXPORT_CHUNK):
        chunk = keys[start : start + EXPORT_CHUNK]
        yield from search_kind.with_context(
            search_kind.model.objects.filter(pk__in=chunk).order_by("pk")
        )
