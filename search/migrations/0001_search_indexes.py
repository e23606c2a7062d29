"""PostgreSQL only: unaccent, trigrams, and the GIN indexes the search uses. No-op on SQLite."""

from django.db import migrations

from search.documents import DOCUMENTS, TRIGRAM_COLUMNS, document_sql

FUNCTION = """
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
"""


def statements():
    yield "CREATE EXTENSION IF NOT EXISTS unaccent"
    yield "CREATE EXTENSION IF NOT EXISTS pg_trgm"
    yield FUNCTION
    for table, languages in DOCUMENTS.items():
        for language in languages:
            yield (
                f"CREATE INDEX IF NOT EXISTS {table}_search_{language} ON {table} "
                f"USING gin (({document_sql(table, language, qualified=False)}))"
            )
    for table, columns in TRIGRAM_COLUMNS.items():
        for column in columns:
            yield (
                f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} "
                f"USING gin ((f_unaccent(lower({column}))) gin_trgm_ops)"
            )


def drops():
    for table, languages in DOCUMENTS.items():
        for language in languages:
            yield f"DROP INDEX IF EXISTS {table}_search_{language}"
    for table, columns in TRIGRAM_COLUMNS.items():
        for column in columns:
            yield f"DROP INDEX IF EXISTS {table}_{column}_trgm"
    yield "DROP FUNCTION IF EXISTS f_unaccent(text)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in statements():
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in drops():
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("institutions", "0002_initial"),
        ("partnerships", "0002_agreement_documents"),
        ("themes", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
