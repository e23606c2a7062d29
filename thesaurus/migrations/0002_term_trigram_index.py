"""PostgreSQL only: a trigram index on the terms' normalized form, so that a query with a typo
("hepatocarcinom") finds the term it is close to by an index scan. No-op on SQLite.
Frozen: literal statements."""

from django.db import migrations

INDEX = "thesaurus_term_normalized_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "thesaurus_term" '
        'USING gin ("normalized" gin_trgm_ops)'
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("thesaurus", "0001_concepts_and_terms"),
        ("search", "0001_search_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
