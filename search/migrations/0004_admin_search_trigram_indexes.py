"""PostgreSQL only: a trigram index behind each column the admin's search box reads
(core.admin_scale.search_condition searches each table on its own), so that `?q=martin`
reads an index instead of every row. `UPPER(col::text)` is what `icontains` and
`istartswith` compare. No-op on SQLite. Frozen: literal statements."""

from django.db import migrations

COLUMNS = {
    "institutions_institution": [
        "name_fr",
        "name_en",
        "acronym",
        "city_fr",
        "city_en",
        "ror_id",
        "slug",
        "ror_names",
    ],
    "institutions_team": ["name_fr", "name_en", "slug"],
    "people_person": ["last_name", "first_name", "email", "orcid", "slug"],
    "partnerships_partnership": ["name_fr", "name_en", "acronym", "slug"],
    "partnerships_agreement": ["reference", "title_fr", "title_en"],
    "partnerships_partnershipmember": ["note"],
    "events_event": ["title_fr", "title_en", "city_fr", "city_en", "slug"],
}


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_upper_trgm"[:63]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in COLUMNS.items():
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_exports"),
        ("institutions", "0008_website_and_url_are_uris"),
        ("people", "0003_dashboard_translation_index"),
        ("partnerships", "0009_agreement_is_public"),
        ("events", "0007_dashboard_translation_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
