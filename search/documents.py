"""The searchable text of each model, in each language, and the SQL that stores it.

PostgreSQL keeps one stored, generated tsvector column per table and language
(`search_document_fr`, `search_document_en`, …: GENERATED ALWAYS AS … STORED, so the database
maintains it on every write, bulk ones included) with a GIN index, plus trigram indexes on the
folded names for typos. The columns are not model fields (no ORM read ever loads a tsvector);
the queries name them with `StoredDocument`. The migrations hold literal copies of
`statements()` (tests/search/test_frozen_migrations.py compares them).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db.models import Expression, F

from core.languages import content_languages, localized, localized_in

# PostgreSQL text search configuration of each content language (settings.SEARCH_CONFIGS).
CONFIGS: dict[str, str] = {
    language: settings.SEARCH_CONFIGS[language] for language in content_languages()
}

# The searchable columns of each table: (field, translated, weight). Names weigh most (A),
# places and summaries next (B), descriptions least (D), so that ts_rank puts a match in the
# name first.
SEARCHED: dict[str, list[tuple[str, bool, str]]] = {
    "institutions_institution": [
        ("name", True, "A"),
        ("acronym", False, "A"),
        ("city", True, "B"),
        ("description", True, "D"),
    ],
    "institutions_team": [("name", True, "A"), ("description", True, "D")],
    "partnerships_partnership": [
        ("name", True, "A"),
        ("acronym", False, "A"),
        ("summary", True, "B"),
        ("description", True, "D"),
    ],
    "themes_researchtheme": [("name", True, "A"), ("description", True, "D")],
}

DOCUMENTS: dict[str, dict[str, list[str]]] = {
    table: {
        language: [
            localized_in(language, column)[0] if translated else column
            for column, translated, _weight in columns
        ]
        for language in content_languages()
    }
    for table, columns in SEARCHED.items()
}

# Names searched with trigram similarity, to forgive typos (indexes of search 0001).
TRIGRAM_COLUMNS: dict[str, list[str]] = {
    "institutions_institution": localized("name"),
    "institutions_team": localized("name"),
    "partnerships_partnership": localized("name"),
}


def column_name(language: str) -> str:
    return f"search_document_{language}"


def document_sql(table: str, language: str) -> str:
    config = CONFIGS[language]
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, f_unaccent(coalesce(\"{column}\", ''))), "
        f"'{weight}')"
        for column, (_field, _translated, weight) in zip(
            DOCUMENTS[table][language], SEARCHED[table], strict=True
        )
    )


def statements() -> list[str]:
    """The DDL of the stored documents as they are now: columns, then their GIN indexes."""
    columns = [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column_name(language)} tsvector "
        f"GENERATED ALWAYS AS ({document_sql(table, language)}) STORED"
        for table, languages in DOCUMENTS.items()
        for language in languages
    ]
    indexes = [
        f"CREATE INDEX IF NOT EXISTS {table}_{column_name(language)} ON {table} "
        f"USING gin ({column_name(language)})"
        for table, languages in DOCUMENTS.items()
        for language in languages
    ]
    return columns + indexes


def trigram_statements() -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} "
        f"USING gin ((f_unaccent(lower({column}))) gin_trgm_ops)"
        for table, columns in TRIGRAM_COLUMNS.items()
        for column in columns
    ]


class StoredDocument(Expression):
    """The stored tsvector column of the queried table (whatever alias the query gives it)."""

    output_field = SearchVectorField()

    def __init__(self, language: str, pk: Expression | None = None):
        super().__init__()
        self.language = language
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name(self.pk.alias)
        return f"{alias}.{connection.ops.quote_name(column_name(self.language))}", []
