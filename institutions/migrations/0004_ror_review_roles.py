"""Staff roles and the review list of ROR match proposals: editors review, viewers look."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEW = {
    "Viewer": ["view_rormatch"],
    "Editor": ["view_rormatch", "change_rormatch"],
    "Agreements manager": ["view_rormatch", "change_rormatch"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("institutions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in REVIEW.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="institutions", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="institutions", codename__endswith="_rormatch"
    ):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("institutions", "0003_ror_directory"),
        ("backoffice", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
