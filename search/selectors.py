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
import functools
import operator
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Greatest
from django.http import QueryDict
from django_countries import countries

from core.collation import collated
from core.languages import localized
from core.text import fold, folded, words
from core.validators import validate_keywords
from institutions.models import Institution, Team
from partnerships.models import Partnership, PartnershipMember
from themes.models import ResearchTheme
from thesaurus.selectors import Expansion, expand, query_words

from .documents import CONFIGS, StoredDocument
from .kinds import KINDS
from .places import countries_named, country_named, place_phrases

FACETS_SHOWN = 10


def postgres() -> bool:
    return connection.vendor == "postgresql"


def candidate_limit() -> int:
    return settings.SEARCH_CANDIDATES


class AnyOf(Expression):
    """`key = ANY('{1,2,…}'::bigint[])`: a list of keys as one text parameter (PostgreSQL).
    A thousand candidates as `IN (%s, …)`, or as a list that psycopg adapts item by item,
    cost more Python time to build and send than the database takes to read them."""

    output_field = BooleanField()

    def __init__(self, array: str, expression: Expression | None = None):
        super().__init__()
        self.array = array
        self.expression = expression if expression is not None else F("pk")

    @classmethod
    def of(cls, keys) -> "AnyOf":
        return cls("{" + ",".join(map(str, keys)) + "}")

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, exprs):
        (self.expression,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        return f"{sql} = ANY(%s::bigint[])", (*params, self.array)


def with_keys(queryset: QuerySet, keys) -> QuerySet:
    """The rows of `keys` (any number of them, one parameter on PostgreSQL)."""
    if postgres():
        return queryset.filter(AnyOf.of(keys))
    return queryset.filter(pk__in=list(keys))


class Keywords(str):
    """The keywords as typed (a str: whatever reads them as text still does) and what the
    thesaurus adds to them (`expansion`: the parts naming a concept, and the terms that may
    stand for each part)."""

    expansion: Expansion

    def __new__(cls, text: str, expansion: Expansion | None = None):
        keywords = super().__new__(cls, text)
        keywords.expansion = expansion if expansion is not None else Expansion(query_words(text))
        return keywords

    @classmethod
    def expanded(cls, text: str) -> "Keywords":
        """The keywords with the thesaurus' expansion (one or two queries)."""
        return cls(text, expand(text))

    def __deepcopy__(self, memo):
        return self  # immutable once built (QueryDict.copy() deep-copies its values)

    def readings(self) -> list[list[list[str]]]:
        """Each way of reading the keywords, any of which a record may match: a list of
        requirements, all needed, each a list of phrases, any of which will do. The words as
        typed; then, with an expansion, each part naming a concept read as any of its terms."""
        typed = [[word] for word in words(self)]
        if not self.expansion:
            return [typed]
        expanded = [group.searched for group in self.expansion.groups]
        expanded += [[word] for word in self.expansion.rest if len(word) >= 2]
        return [typed, expanded]


def readings(query: str) -> list[list[list[str]]]:
    if isinstance(query, Keywords):
        return query.readings()
    return [[[word] for word in words(query)]]


def _any_reading(query: str, match) -> Q:
    """A record matches one reading of the query (`match(phrase)`: the condition of a phrase)."""
    condition = Q()
    for reading in readings(query):
        required = Q()
        for phrases in reading:
            required &= functools.reduce(operator.or_, (match(p) for p in phrases))
        condition |= required
    return condition


# PostgreSQL ---------------------------------------------------------------------------------


def _queries(query: str) -> dict[str, SearchQuery]:
    """The tsquery of each language: the keywords as typed (websearch syntax) or, with an
    expansion, any of the terms for each part naming a concept (phrases), with the other words."""
    text = fold(query)
    expansion = getattr(query, "expansion", None)
    expanded = _expanded_tsquery(expansion) if expansion else ""
    queries = {}
    for lang, config in CONFIGS.items():
        typed = SearchQuery(text, config=config, search_type="websearch")
        if expanded:
            typed = typed | SearchQuery(expanded, config=config, search_type="raw")
        queries[lang] = typed
    return queries


def _expanded_tsquery(expansion: Expansion) -> str:
    """The expansion in to_tsquery's syntax, which the language's configuration then stems:
    `(carcinome <-> hepatocellulaire | chc | hcc) & chine`. One parameter, however many
    terms (the words are \\w+ only: nothing to escape)."""
    parts = [
        "(" + " | ".join(" <-> ".join(phrase.split()) for phrase in group.searched) + ")"
        for group in expansion.groups
    ]
    parts += [word for word in expansion.rest if len(word) >= 2]
    return " & ".join(parts)


def _with_documents(queryset: QuerySet) -> QuerySet:
    return queryset.alias(**{f"_doc_{lang}": StoredDocument(lang) for lang in CONFIGS})


def _folded_names() -> dict:
    """The name in each language, folded as the trigram indexes are (TRIGRAM_COLUMNS)."""
    return {f"_n_{column}": folded(column) for column in localized("name")}


def _own_match_postgres(queryset: QuerySet, query: str) -> tuple[QuerySet, Q]:
    """The queryset with what the condition needs, and the condition: the record's own text
    matches (stored documents), or its name is close to the query (trigrams, for typos)."""
    queryset, in_text, close_names = _own_conditions(queryset, query)
    return queryset, in_text | close_names


def _own_conditions(queryset: QuerySet, query: str) -> tuple[QuerySet, Q, Q]:
    """The queryset with what the conditions need; its own text matches; its name is close
    to the query (nothing for themes)."""
    queryset = _with_documents(queryset)
    in_text, close_names = Q(), Q()
    for lang, search_query in _queries(query).items():
        in_text |= Q(**{f"_doc_{lang}": search_query})
    if queryset.model is not ResearchTheme:
        queryset = queryset.alias(**_folded_names())
        for alias in _folded_names():
            close_names |= Q(**{f"{alias}__trigram_word_similar": fold(query)})
    return queryset, in_text, close_names


def _matching_postgres(model, query: str, base: QuerySet | None = None) -> QuerySet:
    queryset, condition = _own_match_postgres(
        base if base is not None else model.objects.all(), query
    )
    return queryset.filter(condition).values("pk")


class NamesOnly(Func):
    """The stored document's name lexemes only (weight A: name and acronym)."""

    template = "ts_filter(%(expressions)s, '{a}')"
    output_field = SearchVectorField()


def _ranked_postgres(queryset: QuerySet, query: str, own: list[int] | None = None) -> QuerySet:
    """ts_rank in each language, plus how well the name matches: 1 when the name (or acronym)
    holds the words, nothing more when only other text does, else (typos, matches through
    related records) the name's trigram similarity, the one costly part, computed for those
    rows only. And a bonus when the record's own text or name matches rather than a related
    record's (`own`: the candidates known to match so, else the condition is tested again)."""
    if own is None:
        queryset, condition = _own_match_postgres(queryset, query)
    else:
        condition = AnyOf.of(own)
    queries = _queries(query)
    rank = sum(
        (SearchRank(StoredDocument(lang), search_query) for lang, search_query in queries.items()),
        start=Value(0.0),
    )
    in_names, in_text = Q(), Q()
    for lang, search_query in queries.items():
        in_names |= Q(SearchVectorExact(NamesOnly(StoredDocument(lang)), search_query))
        in_text |= Q(SearchVectorExact(StoredDocument(lang), search_query))
    similarities = [TrigramWordSimilarity(fold(query), folded(name)) for name in localized("name")]
    similarity = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
    name_match = Case(
        When(in_names, then=Value(1.0)),
        When(in_text, then=Value(0.0)),
        default=similarity,
        output_field=FloatField(),
    )
    return queryset.annotate(
        relevance=rank
        + name_match
        + Case(When(condition, then=Value(0.5)), default=Value(0.0), output_field=FloatField())
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
    queryset = queryset.filter(_any_reading(query, lambda phrase: _word_match(model, phrase)))
    return queryset.values("pk")


def _close_matches(queryset: QuerySet, query: str, limit: int, columns=()) -> list[tuple]:
    """Typos on SQLite: names whose words are close to the query's (the demo's small data):
    (key, *columns) of each."""
    targets = words(query)
    found = []
    names = localized("name")
    for row in queryset.values_list("pk", *columns, *names).iterator():
        name_words = words(" ".join(n or "" for n in row[-len(names) :]))
        if all(difflib.get_close_matches(t, name_words, n=1, cutoff=0.8) for t in targets):
            found.append(row[: -len(names)])
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
    expansion = getattr(query, "expansion", None)
    for group in expansion.groups if expansion else []:
        in_name, in_text = Q(), Q()
        for phrase in group.searched:
            for name in localized("name"):
                in_name |= Q(**{f"_f_{name}__contains": phrase})
            in_text |= _word_match(model, phrase)
        relevance = relevance + Case(
            When(in_name, then=Value(3.0)),
            When(in_text, then=Value(2.0)),
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


TYPOS_UNLESS_TEXT_MATCHES = 20  # a page of results


def _own_branch(queryset: QuerySet, query: str, limit: int, columns=()) -> QuerySet:
    """(key, *columns) of up to `limit` records whose own text or name matches (PostgreSQL):
    those whose text matches first, then, if they are fewer than a page, those whose name is
    merely close (typos). Trigram index scans cost tens of milliseconds on a common word:
    PostgreSQL does not start the second part of the UNION ALL once the first fills the LIMIT.
    SQLite: every word matches the record's own text or a related record's (one branch)."""
    if postgres():
        own_queryset, in_text, close_names = _own_conditions(queryset, query)
        own_queryset = own_queryset.order_by()
        text = own_queryset.filter(in_text).values_list("pk", *columns)[:limit]
        if not close_names:  # no trigram names (themes)
            return text
        # Names merely close to the query are looked for when its words match few records:
        # a typo finds little. Otherwise every text match would be tested again by trigram.
        many = own_queryset.filter(in_text)[TYPOS_UNLESS_TEXT_MATCHES:][:1]
        typos = own_queryset.filter(close_names & ~in_text, ~Exists(many))
        typos = typos.values_list("pk", *columns)
        return text.union(typos[:limit], all=True).order_by()[:limit]
    return _folded_matches(queryset, query).order_by().values_list("pk", *columns)[:limit]


def _related_branches(queryset: QuerySet, query: str, room: bool, columns=()) -> QuerySet | None:
    """Primary keys matching through related records, each branch bounded: one UNION ALL.
    Without room (own matches fill the bound) a query is still sent, but as WHERE false,
    so that a page runs the same queries whatever the data (PostgreSQL only)."""
    if not postgres():
        return None
    limit = candidate_limit()
    if not room:
        # Nothing related is read, and the branches are not even built (a few milliseconds of
        # Python for a query that reads nothing): the query sent is the cheapest one.
        nothing = Value(False, output_field=BooleanField())
        return (
            queryset.model.objects.filter(nothing)
            .order_by()
            .annotate(_branch=Value(1))
            .values_list("_branch", "pk", *columns)[:1]
        )
    related = Related(query)
    branches = [
        queryset.filter(condition)
        .order_by()
        .annotate(_branch=Value(number))
        .values_list("_branch", "pk", *columns)[: limit + 1]
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
    own: list[int] | None = None  # those matching by their own text or name (PostgreSQL)
    facets: list[tuple] = field(default_factory=list)  # the facet columns of each, read along


def _candidates(queryset: QuerySet, query: str, columns=()) -> Candidates:
    """Up to the bound, own matches first: two queries (own, then the related branches),
    which also read the `columns` the facets count."""
    limit = candidate_limit()
    rows = [(0, *row) for row in _own_branch(queryset, query, limit + 1, columns)]
    related = _related_branches(queryset, query, room=len(rows) <= limit, columns=columns)
    if related is not None:
        rows += sorted(related, key=lambda row: row[:2])
    seen: dict[int, tuple] = {}
    per_branch: dict[int, int] = {}
    for number, pk, *values in rows:
        per_branch[number] = per_branch.get(number, 0) + 1
        seen.setdefault(pk, tuple(values))
    capped = len(seen) > limit or any(n > limit for n in per_branch.values())
    kept = list(seen.items())[:limit]
    if not kept and not postgres() and words(query):
        close = _close_matches(queryset, query, limit, columns)
        kept = [(pk, tuple(values)) for pk, *values in close]
        capped = len(kept) > limit
        kept = kept[:limit]
    own = [row[1] for row in rows[:limit] if row[0] == 0] if postgres() else None
    return Candidates(
        pks=[pk for pk, _values in kept],
        capped=capped,
        own=own,
        facets=[values for _pk, values in kept],
    )


# Public API -----------------------------------------------------------------------------------


class RankedResults(Sequence):
    """The candidates in order of relevance (or by name without keywords), read a page at a
    time: slicing ranks the candidates in one query (their own table only, no join, only that
    page's keys come back), then reads that page's rows with `queryset`'s related records.
    Paginators take it as a list."""

    def __init__(self, queryset: QuerySet, found: Candidates, query: str):
        self.queryset = queryset
        self.found = found
        self.query = query

    def __len__(self) -> int:
        return len(self.found.pks)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            rows = self[index : index + 1] if index >= 0 else self[len(self) + index :][:1]
            if not rows:
                raise IndexError(index)
            return rows[0]
        start, stop, _step = index.indices(len(self))
        if start >= stop:
            return []
        if not words(self.query):  # already in order (by name): that page's keys
            keys = self.found.pks[start:stop]
        else:  # one query over the candidates' own table: that page's keys, in order
            candidates = with_keys(self.queryset.model.objects.order_by(), self.found.pks)
            ranking = ranked(candidates, self.query, own=self.found.own)
            keys = list(ranking.values_list("pk", flat=True)[start:stop])
        rows = {obj.pk: obj for obj in self.queryset.filter(pk__in=keys)}
        return [rows[key] for key in keys if key in rows]

    def first(self):
        return self[0] if len(self) else None


@dataclass
class SearchResult:
    filterset: object
    results: RankedResults  # the candidates, ranked (or by name without keywords)
    valid: bool
    count: int = 0  # exact when not capped, else a lower bound
    capped: bool = False
    pks: list[int] = field(default_factory=list)
    query: str = ""
    found: Candidates = field(default_factory=Candidates)
    filtered: QuerySet | None = None  # what the filters leave, before the keywords
    query_errors: list[str] = field(default_factory=list)  # too many keywords: nothing searched
    country: str = ""  # the keywords named this country only: its partners are listed

    @property
    def expansion(self) -> Expansion | None:
        """What the thesaurus added to the keywords (None: nothing)."""
        expansion = getattr(self.query, "expansion", None)
        return expansion or None

    def ranked(self, queryset: QuerySet) -> RankedResults:
        """The ranked candidates read from `queryset` (an API's own prefetches, say)."""
        return RankedResults(queryset, self.found, self.query)

    @cached_property
    def matches(self) -> QuerySet:
        """Every match, unranked: what the CSV export reads (built only when asked for)."""
        if self.query_errors:
            return self.filtered.none()
        if not words(self.query):
            return self.filtered
        return _all_matches(self.filtered, self.query)


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

    A fixed number of queries whatever the data: the candidates (two, which also read what
    the facets count), then, when the page is read, the ranking (one, only that page's keys
    come back) and that page's rows (one, and their prefetches)."""
    filterset, queryset, valid = _filtered(kind, params)
    model = queryset.model
    query = params.get("q", "") if params else ""
    query_errors = keyword_errors(query)
    limit = candidate_limit()
    columns = facet_columns(kind)
    country = "" if query_errors else _country_asked(filterset, params, query)
    if country:  # "Chine": that country's partners, by name
        queryset = filterset.filter_country(queryset, "country", country)
        query = ""
    elif words(query) and not query_errors and not isinstance(query, Keywords):
        query = Keywords.expanded(query)
    if query_errors:
        found = Candidates()  # refused, not searched: the errors say why
    elif not candidates:
        found = Candidates()  # the API's plain lists page through `matches` instead
    elif words(query):
        found = _candidates(queryset, query, columns)
    else:
        # By name as readers sort (an index of the same expression per language).
        rows = list(
            queryset.order_by(collated("name"), "pk").values_list("pk", *columns)[: limit + 1]
        )
        found = Candidates(
            pks=[pk for pk, *_values in rows[:limit]],
            capped=len(rows) > limit,
            facets=[tuple(values) for _pk, *values in rows[:limit]],
        )
    return SearchResult(
        filterset=filterset,
        results=RankedResults(KINDS[kind].with_context(model.objects.all()), found, query),
        valid=valid and not query_errors,
        count=len(found.pks),
        capped=found.capped,
        pks=found.pks,
        query=query,
        found=found,
        filtered=queryset,
        query_errors=query_errors,
        country=country,
    )


def _country_asked(filterset, params, query: str) -> str:
    """The country a query names and nothing else ("Chine", "China"), when the kind can be
    filtered by country and no other country is chosen; else ""."""
    code = country_named(query)
    if not code or "country" not in filterset.filters:
        return ""
    chosen = params.get("country", "") if params else ""
    return code if chosen in ("", code) else ""


def keyword_errors(query: str) -> list[str]:
    """Why the keywords are not searched (too many), or nothing."""
    try:
        validate_keywords(query)
    except ValidationError as error:
        return error.messages
    return []


def elsewhere(*, kind: str, query: str) -> list[tuple[str, object, int]]:
    """(kind, label, count) of the other kinds of result the keywords alone find, for a
    search that found nothing: "Weizmann" among teams points to the institution."""
    params = QueryDict(mutable=True)
    params["q"] = query
    found = []
    for other in KINDS.values():
        if other.key != kind:
            count = search(kind=other.key, params=params).count
            if count:
                found.append((other.key, other.label, count))
    return found


def ranked(queryset: QuerySet, query: str, own: list[int] | None = None) -> QuerySet:
    """The queryset (candidates) by relevance to the query, or by name without keywords.
    When the query names a place (a country, a city), the records there come first."""
    if not words(query):
        return queryset.order_by(collated("name"), "pk")
    if postgres():
        queryset = _ranked_postgres(queryset, query, own)
    else:
        queryset = _ranked_sqlite(queryset, query)
    queryset, place = _in_named_place(queryset, query)
    if place is None:
        return queryset.order_by("-relevance", collated("name"), "pk")
    bonus = PLACE_BONUS * (1 if postgres() else 3)
    queryset = queryset.annotate(
        place=Case(When(place, then=Value(bonus)), default=Value(0.0), output_field=FloatField())
    )
    return queryset.order_by((F("relevance") + F("place")).desc(), collated("name"), "pk")


PLACE_BONUS = 2.0  # more than a match in the name: the place asked for comes first
PLACE_PATHS = {Institution: "", Team: "institution__"}


def _in_named_place(queryset: QuerySet, query: str) -> tuple[QuerySet, Q | None]:
    """The condition of being in a country the query names, or (institutions, teams) in a
    city it names: "Shanghai" puts the institutions in Shanghai before CLARA, whose text
    mentions Shanghai too."""
    codes = countries_named(query)
    prefix = PLACE_PATHS.get(queryset.model)
    if prefix is None:  # collaborations: their partner countries
        if not codes:
            return queryset, None
        return queryset, functools.reduce(
            operator.or_, (Q(countries__regex=rf"(^|,){code}(,|$)") for code in codes)
        )
    condition = Q(**{f"{prefix}country__in": codes}) if codes else Q()
    phrases = place_phrases(query)
    aliases = {f"_city_{column}": folded(f"{prefix}{column}") for column in localized("city")}
    for alias in aliases:
        condition |= Q(**{f"{alias}__in": phrases})
    return queryset.alias(**aliases), condition


def _all_matches(queryset: QuerySet, query: str) -> QuerySet:
    """Every match, not only the candidates (for the export): the same branches, unbounded."""
    model = queryset.model
    if postgres():
        own_queryset, own = _own_match_postgres(queryset, query)
        condition = Q(pk__in=own_queryset.filter(own).values("pk"))
        for related in KINDS_RELATED[model](Related(query)):
            condition |= related
        return queryset.filter(condition)
    return _folded_matches(queryset, query)


def _folded_matches(queryset: QuerySet, query: str) -> QuerySet:
    """SQLite: records where every word matches their own folded text or a related record's."""
    model = queryset.model

    def match(phrase: str) -> Q:
        condition = _word_match(model, phrase)
        for related in KINDS_RELATED[model](Related(phrase)):
            condition |= related
        return condition

    return _with_folded(queryset).filter(_any_reading(query, match))


def facet_columns(kind: str) -> tuple[str, ...]:
    """Where the facets read the country and the institution kind of a result (none for
    collaborations)."""
    prefix = KINDS[kind].facet_prefix
    return () if prefix is None else (f"{prefix}country", f"{prefix}kind")


def facet_counts(kind: str, found: SearchResult) -> dict[str, list[tuple[str, str, int]]]:
    """Results per country and per institution kind among the candidates, the most first:
    counted here from what the candidates' query read along with their keys (no query)."""
    if not facet_columns(kind):
        return {}
    by_country: Counter = Counter()
    by_kind: Counter = Counter()
    for code, institution_kind in found.found.facets:
        by_country[code] += 1
        by_kind[institution_kind] += 1
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
