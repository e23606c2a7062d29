"""The searchable text of each model, in each language.

The same definitions build the GIN indexes (migration) and the queries, so that PostgreSQL can
use the indexes: an expression index is used only for the identical expression.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func, TextField

from core.languages import content_languages, localized, localized_in

# PostgreSQL text search configuration of each content language (settings.SEARCH_CONFIGS).
CONFIGS: dict[str, str] = {
    language: settings.SEARCH_CONFIGS[language] for language in content_languages()
}

# The searchable columns of each table, in order; a translated column once per language.
SEARCHED: dict[str, list[tuple[str, bool]]] = {
    "institutions_institution": [
        ("name", True),
        ("acronym", False),
        ("city", True),
        ("description", True),
    ],
    "institutions_team": [("name", True), ("description", True)],
    "partnerships_partnership": [
        ("name", True),
        ("acronym", False),
        ("summary", True),
        ("description", True),
    ],
    "themes_researchtheme": [("name", True), ("description", True)],
}

DOCUMENTS: dict[str, dict[str, list[str]]] = {
    table: {
        language: [
            localized_in(language, column)[0] if translated else column
            for column, translated in columns
        ]
        for language in content_languages()
    }
    for table, columns in SEARCHED.items()
}

# Names searched with trigram similarity, to forgive typos.
TRIGRAM_COLUMNS: dict[str, list[str]] = {
    "institutions_institution": localized("name"),
    "institutions_team": localized("name"),
    "partnerships_partnership": localized("name"),
}


def document_sql(table: str, language: str, qualified: bool = True) -> str:
    prefix = f'"{table}".' if qualified else ""
    columns = " || ' ' || ".join(
        f"coalesce({prefix}\"{column}\", '')" for column in DOCUMENTS[table][language]
    )
    return f"to_tsvector('{CONFIGS[language]}'::regconfig, f_unaccent({columns}))"


class _Blank(Func):
    """coalesce(column, '') with a literal, as in the index definition (no query parameter)."""

    template = "coalesce(%(expressions)s, '')"
    output_field = TextField()


class Document(Func):
    """The same expression as document_sql(), built from columns so that table aliases work."""

    arg_joiner = " || ' ' || "
    output_field = SearchVectorField()

    def __init__(self, table: str, language: str):
        self.template = (
            f"to_tsvector('{CONFIGS[language]}'::regconfig, f_unaccent(%(expressions)s))"
        )
        super().__init__(*[_Blank(F(column)) for column in DOCUMENTS[table][language]])


def document(table: str, language: str) -> Document:
    return Document(table, language)


def index_statements() -> list[str]:
    """The CREATE INDEX statements matching DOCUMENTS and TRIGRAM_COLUMNS as they are now.

    Migrations hold literal copies (search/migrations); a test compares them with this, so a
    change here asks for a new migration instead of silently editing an old one.
    """
    statements = [
        f"CREATE INDEX IF NOT EXISTS {table}_search_{language} ON {table} "
        f"USING gin (({document_sql(table, language, qualified=False)}))"
        for table, languages in DOCUMENTS.items()
        for language in languages
    ]
    statements += [
        f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} "
        f"USING gin ((f_unaccent(lower({column}))) gin_trgm_ops)"
        for table, columns in TRIGRAM_COLUMNS.items()
        for column in columns
    ]
    return statements
