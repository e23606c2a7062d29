from django.db import migrations

# The admin's and the lists' ordering (start_date DESC NULLS LAST), indexed. SQLite cannot index
# NULLS LAST, so this index exists on PostgreSQL only (and not in Meta.indexes).
CREATE = (
    "CREATE INDEX IF NOT EXISTS event_start_idx ON events_event (start_date DESC NULLS LAST)"
)
DROP = "DROP INDEX IF EXISTS event_start_idx"


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_public_list_indexes"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
