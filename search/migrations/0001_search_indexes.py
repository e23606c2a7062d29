"""PostgreSQL only: unaccent, trigrams, and the GIN indexes the search uses. No-op on SQLite.

Frozen: the statements are literal copies of what search.documents generated when this
migration was written, so that editing search.documents never changes what a fresh database
gets. A change to the indexed columns or languages is a new migration (with
django.contrib.postgres.operations.TrigramExtension()/UnaccentExtension() for extensions);
tests/search/test_frozen_migrations.py says when one is due.
"""

from django.db import migrations

FORWARDS = [
    'CREATE EXTENSION IF NOT EXISTS unaccent',
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    "\nCREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text\nLANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT\nAS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;\n",
    'CREATE INDEX IF NOT EXISTS institutions_institution_search_fr ON institutions_institution USING gin ((to_tsvector(\'french\'::regconfig, f_unaccent(coalesce("name_fr", \'\') || \' \' || coalesce("acronym", \'\') || \' \' || coalesce("city_fr", \'\') || \' \' || coalesce("description_fr", \'\')))))',
    'CREATE INDEX IF NOT EXISTS institutions_institution_search_en ON institutions_institution USING gin ((to_tsvector(\'english\'::regconfig, f_unaccent(coalesce("name_en", \'\') || \' \' || coalesce("acronym", \'\') || \' \' || coalesce("city_en", \'\') || \' \' || coalesce("description_en", \'\')))))',
    'CREATE INDEX IF NOT EXISTS institutions_team_search_fr ON institutions_team USING gin ((to_tsvector(\'french\'::regconfig, f_unaccent(coalesce("name_fr", \'\') || \' \' || coalesce("description_fr", \'\')))))',
    'CREATE INDEX IF NOT EXISTS institutions_team_search_en ON institutions_team USING gin ((to_tsvector(\'english\'::regconfig, f_unaccent(coalesce("name_en", \'\') || \' \' || coalesce("description_en", \'\')))))',
    'CREATE INDEX IF NOT EXISTS partnerships_partnership_search_fr ON partnerships_partnership USING gin ((to_tsvector(\'french\'::regconfig, f_unaccent(coalesce("name_fr", \'\') || \' \' || coalesce("acronym", \'\') || \' \' || coalesce("summary_fr", \'\') || \' \' || coalesce("description_fr", \'\')))))',
    'CREATE INDEX IF NOT EXISTS partnerships_partnership_search_en ON partnerships_partnership USING gin ((to_tsvector(\'english\'::regconfig, f_unaccent(coalesce("name_en", \'\') || \' \' || coalesce("acronym", \'\') || \' \' || coalesce("summary_en", \'\') || \' \' || coalesce("description_en", \'\')))))',
    'CREATE INDEX IF NOT EXISTS themes_researchtheme_search_fr ON themes_researchtheme USING gin ((to_tsvector(\'french\'::regconfig, f_unaccent(coalesce("name_fr", \'\') || \' \' || coalesce("description_fr", \'\')))))',
    'CREATE INDEX IF NOT EXISTS themes_researchtheme_search_en ON themes_researchtheme USING gin ((to_tsvector(\'english\'::regconfig, f_unaccent(coalesce("name_en", \'\') || \' \' || coalesce("description_en", \'\')))))',
    'CREATE INDEX IF NOT EXISTS institutions_institution_name_fr_trgm ON institutions_institution USING gin ((f_unaccent(lower(name_fr))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS institutions_institution_name_en_trgm ON institutions_institution USING gin ((f_unaccent(lower(name_en))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS institutions_team_name_fr_trgm ON institutions_team USING gin ((f_unaccent(lower(name_fr))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS institutions_team_name_en_trgm ON institutions_team USING gin ((f_unaccent(lower(name_en))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS partnerships_partnership_name_fr_trgm ON partnerships_partnership USING gin ((f_unaccent(lower(name_fr))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS partnerships_partnership_name_en_trgm ON partnerships_partnership USING gin ((f_unaccent(lower(name_en))) gin_trgm_ops)',
]

BACKWARDS = [
    'DROP INDEX IF EXISTS institutions_institution_search_fr',
    'DROP INDEX IF EXISTS institutions_institution_search_en',
    'DROP INDEX IF EXISTS institutions_team_search_fr',
    'DROP INDEX IF EXISTS institutions_team_search_en',
    'DROP INDEX IF EXISTS partnerships_partnership_search_fr',
    'DROP INDEX IF EXISTS partnerships_partnership_search_en',
    'DROP INDEX IF EXISTS themes_researchtheme_search_fr',
    'DROP INDEX IF EXISTS themes_researchtheme_search_en',
    'DROP INDEX IF EXISTS institutions_institution_name_fr_trgm',
    'DROP INDEX IF EXISTS institutions_institution_name_en_trgm',
    'DROP INDEX IF EXISTS institutions_team_name_fr_trgm',
    'DROP INDEX IF EXISTS institutions_team_name_en_trgm',
    'DROP INDEX IF EXISTS partnerships_partnership_name_fr_trgm',
    'DROP INDEX IF EXISTS partnerships_partnership_name_en_trgm',
    'DROP FUNCTION IF EXISTS f_unaccent(text)',
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
    dependencies = [
        ("institutions", "0002_initial"),
        ("partnerships", "0002_agreement_documents"),
        ("themes", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
