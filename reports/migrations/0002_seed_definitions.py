from django.db import migrations


def seed(apps, schema_editor):
    from reports.seeds import seed_definitions

    seed_definitions(apps)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
