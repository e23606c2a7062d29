from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from backoffice.roles import ROLES

    # On a fresh database the permissions are only created after all migrations: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in sorted(codes):
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    from backoffice.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("themes", "0001_initial"),
        ("institutions", "0002_initial"),
        ("people", "0001_initial"),
        ("partnerships", "0002_agreement_documents"),
        ("mobility", "0001_initial"),
        ("events", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
