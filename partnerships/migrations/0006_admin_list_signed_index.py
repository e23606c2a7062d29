from django.db import migrations

# The admin's and the lists' ordering (signed_on DESC NULLS LAST, reference), indexed. SQLite
# cannot index NULLS LAST, so this index exists on PostgreSQL only (and not in Meta.indexes).
CREATE = (
    "CREATE INDEX IF NOT EXISTS agreement_signed_idx ON partnerships_agreement "
    "(signed_on DESC NULLS LAST, reference)"
)
DROP = "DROP INDEX IF EXISTS agreement_signed_idx"


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0005_partnership_status_unknown"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
