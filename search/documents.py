"""The searchable text of each model, in each language.

The same definitions build the GIN indexes (migration) and the queries, so that PostgreSQL can
use the indexes: an expression index is used only for the identical expression.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func, TextField

CONFIGS = {"fr": "french", "en": "english"}

DOCUMENTS = {
    "institutions_institution": {
        "fr": ["name_fr", "acronym", "city_fr", "description_fr"],
        "en": ["name_en", "acronym", "city_en", "description_en"],
    },
    "institutions_team": {"fr": ["name_fr", "description_fr"], "en": ["name_en", "description_en"]},
    "partnerships_partnership": {
        "fr": ["name_fr", "acronym", "summary_fr", "description_fr"],
        "en": ["name_en", "acronym", "summary_en", "description_en"],
    },
    "themes_researchtheme": {
        "fr": ["name_fr", "description_fr"],
        "en": ["name_en", "description_en"],
    },
}

# Names searched with trigram similarity, to forgive typos.
TRIGRAM_COLUMNS = {
    "institutions_institution": ["name_fr", "name_en"],
    "institutions_team": ["name_fr", "name_en"],
    "partnerships_partnership": ["name_fr", "name_en"],
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
