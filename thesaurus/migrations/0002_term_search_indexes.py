"""PostgreSQL only: a b-tree index for prefix ranges (`LIKE 'hepa%'` under any collation) on
the terms' normalized form, from which a query with a typo ("hepatocarcinom") reads the terms
it may mean, and a trigram index for similarity searches by staff tools. No-op on SQLite.
Frozen: literal statements."""

from django.db import migrations

INDEX = "thesaurus_term_normalized_trgm"
PREFIX_INDEX = "thesaurus_term_normalized_prefix"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "thesaurus_term" '
        'USING gin ("normalized" gin_trgm_ops)'
    )
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{PREFIX_INDEX}" ON "thesaurus_term" '
        '("normalized" varchar_pattern_ops)'
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')
    schema_editor.execute(f'DROP INDEX IF EXISTS "{PREFIX_INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0001_concepts_and_terms"),
        ("search", "0001_search_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
