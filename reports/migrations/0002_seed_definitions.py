from django.db import migrations

# Frozen: literal copies of reports.seeds.DEFINITIONS when this migration was written.
DEFINITIONS = [
    {
        "slug": "region-bilan-annuel",
        "name_fr": "Région — bilan annuel",
        "name_en": "Region — annual review",
        "funder_name": "Région Auvergne-Rhône-Alpes",
        "sections": ["mobility", "agreements", "events", "partners", "narratives"],
        "period_kind": "calendar",
    },
    {
        "slug": "inca-rapport-activite",
        "name_fr": "INCa — rapport d'activité",
        "name_en": "INCa — activity report",
        "funder_name": "Institut national du cancer (INCa)",
        "sections": ["agreements", "mobility", "partners", "events", "narratives"],
        "period_kind": "calendar",
    },
]


def seed(apps, schema_editor):
    definition = apps.get_model("reports", "ReportDefinition")
    for values in DEFINITIONS:
        values = dict(values)
        definition.objects.get_or_create(
            slug=values.pop("slug"), defaults={**values, "name": values["name_fr"]}
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
