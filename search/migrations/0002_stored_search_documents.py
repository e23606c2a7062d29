"""PostgreSQL only: stored search documents (generated tsvector columns) with GIN indexes.

One column per table and language, maintained by the database on every write; they replace the
expression indexes of 0001, which each query had to recompute. A trigram index on people's names
serves the team leader autocomplete. No-op on SQLite.

Frozen: literal copies of search.documents.statements() when this migration was written
(tests/search/test_frozen_migrations.py); then ANALYZE, so that the planner knows how common each
word is. Reversed, it drops the columns and puts back 0001's
expression indexes.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE institutions_institution ADD COLUMN IF NOT EXISTS search_document_fr tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"acronym\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"city_fr\", ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"description_fr\", ''))), 'D')) STORED",
    "ALTER TABLE institutions_institution ADD COLUMN IF NOT EXISTS search_document_en tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"acronym\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"city_en\", ''))), 'B') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"description_en\", ''))), 'D')) STORED",
    "ALTER TABLE institutions_team ADD COLUMN IF NOT EXISTS search_document_fr tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"description_fr\", ''))), 'D')) STORED",
    "ALTER TABLE institutions_team ADD COLUMN IF NOT EXISTS search_document_en tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"description_en\", ''))), 'D')) STORED",
    "ALTER TABLE partnerships_partnership ADD COLUMN IF NOT EXISTS search_document_fr tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"acronym\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"summary_fr\", ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"description_fr\", ''))), 'D')) STORED",
    "ALTER TABLE partnerships_partnership ADD COLUMN IF NOT EXISTS search_document_en tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"acronym\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"summary_en\", ''))), 'B') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"description_en\", ''))), 'D')) STORED",
    "ALTER TABLE themes_researchtheme ADD COLUMN IF NOT EXISTS search_document_fr tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(\"description_fr\", ''))), 'D')) STORED",
    "ALTER TABLE themes_researchtheme ADD COLUMN IF NOT EXISTS search_document_en tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", ''))), 'A') || setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(\"description_en\", ''))), 'D')) STORED",
    "CREATE INDEX IF NOT EXISTS institutions_institution_search_document_fr ON institutions_institution USING gin (search_document_fr)",
    "CREATE INDEX IF NOT EXISTS institutions_institution_search_document_en ON institutions_institution USING gin (search_document_en)",
    "CREATE INDEX IF NOT EXISTS institutions_team_search_document_fr ON institutions_team USING gin (search_document_fr)",
    "CREATE INDEX IF NOT EXISTS institutions_team_search_document_en ON institutions_team USING gin (search_document_en)",
    "CREATE INDEX IF NOT EXISTS partnerships_partnership_search_document_fr ON partnerships_partnership USING gin (search_document_fr)",
    "CREATE INDEX IF NOT EXISTS partnerships_partnership_search_document_en ON partnerships_partnership USING gin (search_document_en)",
    "CREATE INDEX IF NOT EXISTS themes_researchtheme_search_document_fr ON themes_researchtheme USING gin (search_document_fr)",
    "CREATE INDEX IF NOT EXISTS themes_researchtheme_search_document_en ON themes_researchtheme USING gin (search_document_en)",
    "CREATE INDEX IF NOT EXISTS people_person_name_trgm ON people_person USING gin ((f_unaccent(lower(first_name || ' ' || last_name))) gin_trgm_ops)",
    "DROP INDEX IF EXISTS institutions_institution_search_fr",
    "DROP INDEX IF EXISTS institutions_institution_search_en",
    "DROP INDEX IF EXISTS institutions_team_search_fr",
    "DROP INDEX IF EXISTS institutions_team_search_en",
    "DROP INDEX IF EXISTS partnerships_partnership_search_fr",
    "DROP INDEX IF EXISTS partnerships_partnership_search_en",
    "DROP INDEX IF EXISTS themes_researchtheme_search_fr",
    "DROP INDEX IF EXISTS themes_researchtheme_search_en",
    "ANALYZE institutions_institution",
    "ANALYZE institutions_team",
    "ANALYZE partnerships_partnership",
    "ANALYZE themes_researchtheme",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS people_person_name_trgm",
    "ALTER TABLE institutions_institution DROP COLUMN IF EXISTS search_document_fr",
    "ALTER TABLE institutions_institution DROP COLUMN IF EXISTS search_document_en",
    "ALTER TABLE institutions_team DROP COLUMN IF EXISTS search_document_fr",
    "ALTER TABLE institutions_team DROP COLUMN IF EXISTS search_document_en",
    "ALTER TABLE partnerships_partnership DROP COLUMN IF EXISTS search_document_fr",
    "ALTER TABLE partnerships_partnership DROP COLUMN IF EXISTS search_document_en",
    "ALTER TABLE themes_researchtheme DROP COLUMN IF EXISTS search_document_fr",
    "ALTER TABLE themes_researchtheme DROP COLUMN IF EXISTS search_document_en",
    "CREATE INDEX IF NOT EXISTS institutions_institution_search_fr ON institutions_institution USING gin ((to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", '') || ' ' || coalesce(\"acronym\", '') || ' ' || coalesce(\"city_fr\", '') || ' ' || coalesce(\"description_fr\", '')))))",
    "CREATE INDEX IF NOT EXISTS institutions_institution_search_en ON institutions_institution USING gin ((to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", '') || ' ' || coalesce(\"acronym\", '') || ' ' || coalesce(\"city_en\", '') || ' ' || coalesce(\"description_en\", '')))))",
    "CREATE INDEX IF NOT EXISTS institutions_team_search_fr ON institutions_team USING gin ((to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", '') || ' ' || coalesce(\"description_fr\", '')))))",
    "CREATE INDEX IF NOT EXISTS institutions_team_search_en ON institutions_team USING gin ((to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", '') || ' ' || coalesce(\"description_en\", '')))))",
    "CREATE INDEX IF NOT EXISTS partnerships_partnership_search_fr ON partnerships_partnership USING gin ((to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", '') || ' ' || coalesce(\"acronym\", '') || ' ' || coalesce(\"summary_fr\", '') || ' ' || coalesce(\"description_fr\", '')))))",
    "CREATE INDEX IF NOT EXISTS partnerships_partnership_search_en ON partnerships_partnership USING gin ((to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", '') || ' ' || coalesce(\"acronym\", '') || ' ' || coalesce(\"summary_en\", '') || ' ' || coalesce(\"description_en\", '')))))",
    "CREATE INDEX IF NOT EXISTS themes_researchtheme_search_fr ON themes_researchtheme USING gin ((to_tsvector('french'::regconfig, f_unaccent(coalesce(\"name_fr\", '') || ' ' || coalesce(\"description_fr\", '')))))",
    "CREATE INDEX IF NOT EXISTS themes_researchtheme_search_en ON themes_researchtheme USING gin ((to_tsvector('english'::regconfig, f_unaccent(coalesce(\"name_en\", '') || ' ' || coalesce(\"description_en\", '')))))",
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
        ("search", "0001_search_indexes"),
        ("institutions", "0004_ror_review_roles"),
        ("partnerships", "0005_partnership_status_unknown"),
        ("people", "0001_initial"),
        ("themes", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
