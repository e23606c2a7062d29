from django.db import migrations

COLLATION = "clara_sort"  # core.collation.COLLATION, copied: a migration stays frozen


def create_collation(apps, schema_editor):
    # SQLite gets it from Python on every connection (core.text.register_sqlite_functions).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE COLLATION IF NOT EXISTS "{COLLATION}" (provider = icu, locale = \'und\')'
        )


def drop_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP COLLATION IF EXISTS "{COLLATION}"')


class Migration(migrations.Migration):
    """Names in the order readers expect (letters first, then case and accents): the ICU root
    collation under one name, `clara_sort`, that SQLite also knows."""

    dependencies = [("core", "0001_spreadsheet_jobs")]

    operations = [migrations.RunPython(create_collation, drop_collation)]
