"""PostgreSQL only: b-tree indexes on (name in each language, id), the order of the search
without keywords and of the API's plain lists, so that a page or the first candidates are read
in index order instead of sorting every row. No-op on SQLite. Frozen literal SQL."""

from django.db import migrations


FORWARDS = [
    "CREATE INDEX IF NOT EXISTS institutions_institution_name_fr_order "
    "ON institutions_institution (name_fr, id)",
    "CREATE INDEX IF NOT EXISTS institutions_institution_name_en_order "
    "ON institutions_institution (name_en, id)",
    "CREATE INDEX IF NOT EXISTS institutions_team_name_fr_order ON institutions_team (name_fr, id)",
    "CREATE INDEX IF NOT EXISTS institutions_team_name_en_order ON institutions_team (name_en, id)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS institutions_institution_name_fr_order",
    "DROP INDEX IF EXISTS institutions_institution_name_en_order",
    "DROP INDEX IF EXISTS institutions_team_name_fr_order",
    "DROP INDEX IF EXISTS institutions_team_name_en_order",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARDS:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARDS:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_stored_search_documents")]

    operations = [migrations.RunPython(forwards, backwards)]
