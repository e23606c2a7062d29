"""The partner search: ranked, accent- and case-insensitive, forgiving small typos.

PostgreSQL: French and English full-text search on unaccented text, plus trigram similarity on
names, all served by GIN indexes (search/migrations). SQLite (the demo): accent-insensitive
word matching, with a close-match fallback for typos.
"""

import difflib
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Greatest
from django_countries import countries

from core.languages import localized
from core.text import fold, folded, words
from institutions.models import Institution, Team
from partnerships.models import Partnership, PartnershipMember
from themes.models import ResearchTheme

from .documents import CONFIGS, document
from .kinds import KINDS

TABLES = {
    Institution: "institutions_institution",
    Team: "institutions_team",
    Partnership: "partnerships_partnership",
    ResearchTheme: "themes_researchtheme",
}
TRIGRAM_THRESHOLD = 0.5


def postgres() -> bool:
    return connection.vendor == "postgresql"


# PostgreSQL ---------------------------------------------------------------------------------


def _queries(query: str) -> dict[str, SearchQuery]:
    text = fold(query)
    return {
        lang: SearchQuery(text, config=config, search_type="websearch")
        for lang, config in CONFIGS.items()
    }


def _text_match(queries) -> Q:
    condition = Q()
    for lang, search_query in queries.items():
        condition |= Q(**{f"_doc_{lang}": search_query})
    return condition


def _annotate_documents(queryset: QuerySet) -> QuerySet:
    table = TABLES[queryset.model]
    return queryset.annotate(**{f"_doc_{lang}": document(table, lang) for lang in CONFIGS})


def _folded_names() -> dict:
    """The name in each language, folded as the trigram indexes are (TRIGRAM_COLUMNS)."""
    return {f"_n_{column}": folded(column) for column in localized("name")}


def _matching_pks(model, query: str, queries, *, base: QuerySet | None = None) -> QuerySet:
    """Primary keys whose own text matches, or whose name is close (typo): both index scans."""
    queryset = _annotate_documents(base if base is not None else model.objects.all())
    condition = _text_match(queries)
    if model is not ResearchTheme:
        text = fold(query)
        queryset = queryset.annotate(**_folded_names())
        for alias in _folded_names():
            condition |= Q(**{f"{alias}__trigram_word_similar": text})
    return queryset.filter(condition).values("pk")


def _rank_postgres(queryset: QuerySet, query: str, queries, extra: Q) -> QuerySet:
    """Candidates come from index-driven subqueries; only they are ranked (ts_rank, similarity)."""
    text = fold(query)
    own = Q(pk__in=_matching_pks(queryset.model, query, queries))
    candidates = queryset.filter(own | extra)
    ranked = _annotate_documents(candidates).annotate(**_folded_names())
    rank = sum(
        (SearchRank(F(f"_doc_{lang}"), search_query) for lang, search_query in queries.items()),
        start=Value(0.0),
    )
    similarities = [TrigramWordSimilarity(text, alias) for alias in _folded_names()]
    similarity = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
    return ranked.annotate(
        relevance=rank
        + similarity
        + Case(When(own, then=Value(0.5)), default=Value(0.0), output_field=FloatField())
    ).order_by("-relevance", "name")


# SQLite ---------------------------------------------------------------------------------------


def _word_match(model, word: str, fields: list[str]) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{f"_f_{field}__contains": word})
    return condition


def _annotate_folded(queryset: QuerySet, fields: list[str]) -> QuerySet:
    return queryset.annotate(**{f"_f_{field}": folded(field) for field in fields})


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


def _sqlite_pks(model, query: str, base: QuerySet | None = None) -> QuerySet:
    queryset = _annotate_folded(base if base is not None else model.objects.all(), FIELDS[model])
    for word in words(query):
        queryset = queryset.filter(_word_match(model, word, FIELDS[model]))
    return queryset.values("pk")


def _close_matches(model, query: str, queryset: QuerySet) -> list[int]:
    """Typos on SQLite: names whose words are close to the query's (the demo's small data)."""
    targets = words(query)
    found = []
    for pk, *names in queryset.values_list("pk", *localized("name")):
        name_words = words(" ".join(n or "" for n in names))
        if all(difflib.get_close_matches(t, name_words, n=1, cutoff=0.8) for t in targets):
            found.append(pk)
    return found


def _rank_sqlite(queryset: QuerySet, query: str, extra_for_word) -> QuerySet:
    model = queryset.model
    annotated = _annotate_folded(queryset, FIELDS[model])
    matched = annotated
    for word in words(query):
        matched = matched.filter(_word_match(model, word, FIELDS[model]) | extra_for_word(word))
    if not matched.exists():
        matched = annotated.filter(pk__in=_close_matches(model, query, queryset))
    # Each query word in the record's own text counts 2, in its name 3; through relations 0.
    relevance = Value(0.0)
    for word in words(query):
        in_name = Q(_f_name_fr__contains=word) | Q(_f_name_en__contains=word)
        relevance = relevance + Case(
            When(in_name, then=Value(3.0)),
            When(_word_match(model, word, FIELDS[model]), then=Value(2.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return matched.annotate(relevance=relevance).order_by("-relevance", "name")


# Public API -----------------------------------------------------------------------------------


def _related_conditions(model, query: str) -> Q:
    """A team or institution also matches through its themes and its collaborations."""
    if postgres():
        queries = _queries(query)
        themes = _matching_pks(ResearchTheme, query, queries)
        partnerships = _matching_pks(Partnership, query, queries, base=Partnership.objects.public())
        institutions = _matching_pks(Institution, query, queries)
    else:
        themes = _sqlite_pks(ResearchTheme, query)
        partnerships = _sqlite_pks(Partnership, query, base=Partnership.objects.public())
        institutions = _sqlite_pks(Institution, query)
    # Subqueries by primary key: each runs once, on its own index, then is probed by hash.
    members = PartnershipMember.objects.filter(partnership__in=partnerships).values("institution")
    if model is Team:
        return (
            Q(pk__in=Team.themes.through.objects.filter(researchtheme__in=themes).values("team"))
            | Q(institution__in=institutions)
            | Q(institution__in=members)
        )
    return Q(pk__in=Team.objects.filter(themes__in=themes).values("institution")) | Q(
        pk__in=members
    )


def _search(queryset: QuerySet, query: str) -> QuerySet:
    model = queryset.model
    if not words(query):
        return queryset.order_by("name")
    if postgres():
        return _rank_postgres(queryset, query, _queries(query), _related_conditions(model, query))
    if model is Partnership:
        return _rank_sqlite(queryset, query, lambda word: Q(pk__in=[]))
    return _rank_sqlite(queryset, query, lambda word: _related_conditions(model, word))


@dataclass
class SearchResult:
    filterset: object
    results: QuerySet
    valid: bool


def search(*, kind: str, params) -> SearchResult:
    """Filter (django-filter) then rank by relevance to `q`; invalid filters are not applied."""
    search_kind = KINDS[kind]
    filters = params.copy() if params else None
    if filters is not None:
        filters.pop("q", None)  # the keywords are ranked below, not merely filtered
    filterset = search_kind.filterset(filters or None, queryset=search_kind.base(params))
    valid = not filterset.is_bound or filterset.is_valid()
    queryset = filterset.qs if valid else search_kind.base(params)
    queryset = queryset.model.objects.filter(pk__in=queryset.values("pk"))
    results = search_kind.with_context(_search(queryset, params.get("q", "") if params else ""))
    return SearchResult(filterset, results, valid)


def facet_counts(kind: str, results: QuerySet) -> dict[str, list[tuple[str, str, int]]]:
    """How many results per country and per institution kind (a fixed number of queries)."""
    search_kind = KINDS[kind]
    model, prefix = search_kind.model, search_kind.facet_prefix
    if prefix is None:
        return {}
    pks = results.values("pk")
    base = model.objects.filter(pk__in=pks)
    by_country = base.values(f"{prefix}country").annotate(n=Count("pk")).order_by("-n")
    by_kind = base.values(f"{prefix}kind").annotate(n=Count("pk")).order_by("-n")
    kinds = dict(Institution.Kind.choices)
    return {
        "country": [
            (row[f"{prefix}country"], countries.name(row[f"{prefix}country"]), row["n"])
            for row in by_country
        ],
        "kind": [(row[f"{prefix}kind"], kinds[row[f"{prefix}kind"]], row["n"]) for row in by_kind],
    }
