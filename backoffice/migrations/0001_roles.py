"""The staff roles as they were when this migration was written (a frozen, literal copy).

Later changes to backoffice.roles.ROLES reach every database, new or old, through the
post_migrate handler backoffice.signals.sync_roles, never by editing this file.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    'Viewer': [
        ('events', 'view_event'),
        ('institutions', 'view_institution'),
        ('institutions', 'view_team'),
        ('mobility', 'view_mobilityexchange'),
        ('partnerships', 'view_agreement'),
        ('partnerships', 'view_agreementcommitment'),
        ('partnerships', 'view_agreementparty'),
        ('partnerships', 'view_keyfigure'),
        ('partnerships', 'view_partnership'),
        ('partnerships', 'view_partnershipmember'),
        ('people', 'view_person'),
        ('themes', 'view_researchtheme'),
    ],
    'Editor': [
        ('events', 'add_event'),
        ('events', 'change_event'),
        ('events', 'delete_event'),
        ('events', 'view_event'),
        ('institutions', 'add_institution'),
        ('institutions', 'add_team'),
        ('institutions', 'change_institution'),
        ('institutions', 'change_team'),
        ('institutions', 'delete_institution'),
        ('institutions', 'delete_team'),
        ('institutions', 'view_institution'),
        ('institutions', 'view_team'),
        ('mobility', 'add_mobilityexchange'),
        ('mobility', 'change_mobilityexchange'),
        ('mobility', 'delete_mobilityexchange'),
        ('mobility', 'view_mobilityexchange'),
        ('partnerships', 'add_keyfigure'),
        ('partnerships', 'add_partnership'),
        ('partnerships', 'add_partnershipmember'),
        ('partnerships', 'change_keyfigure'),
        ('partnerships', 'change_partnership'),
        ('partnerships', 'change_partnershipmember'),
        ('partnerships', 'delete_keyfigure'),
        ('partnerships', 'delete_partnership'),
        ('partnerships', 'delete_partnershipmember'),
        ('partnerships', 'view_agreement'),
        ('partnerships', 'view_agreementcommitment'),
        ('partnerships', 'view_agreementparty'),
        ('partnerships', 'view_keyfigure'),
        ('partnerships', 'view_partnership'),
        ('partnerships', 'view_partnershipmember'),
        ('people', 'add_person'),
        ('people', 'change_person'),
        ('people', 'delete_person'),
        ('people', 'view_person'),
        ('themes', 'add_researchtheme'),
        ('themes', 'change_researchtheme'),
        ('themes', 'delete_researchtheme'),
        ('themes', 'view_researchtheme'),
    ],
    'Agreements manager': [
        ('events', 'add_event'),
        ('events', 'change_event'),
        ('events', 'delete_event'),
        ('events', 'view_event'),
        ('institutions', 'add_institution'),
        ('institutions', 'add_team'),
        ('institutions', 'change_institution'),
        ('institutions', 'change_team'),
        ('institutions', 'delete_institution'),
        ('institutions', 'delete_team'),
        ('institutions', 'view_institution'),
        ('institutions', 'view_team'),
        ('mobility', 'add_mobilityexchange'),
        ('mobility', 'change_mobilityexchange'),
        ('mobility', 'delete_mobilityexchange'),
        ('mobility', 'view_mobilityexchange'),
        ('partnerships', 'add_agreement'),
        ('partnerships', 'add_agreementcommitment'),
        ('partnerships', 'add_agreementdocument'),
        ('partnerships', 'add_agreementparty'),
        ('partnerships', 'add_keyfigure'),
        ('partnerships', 'add_partnership'),
        ('partnerships', 'add_partnershipmember'),
        ('partnerships', 'change_agreement'),
        ('partnerships', 'change_agreementcommitment'),
        ('partnerships', 'change_agreementdocument'),
        ('partnerships', 'change_agreementparty'),
        ('partnerships', 'change_keyfigure'),
        ('partnerships', 'change_partnership'),
        ('partnerships', 'change_partnershipmember'),
        ('partnerships', 'delete_agreement'),
        ('partnerships', 'delete_agreementcommitment'),
        ('partnerships', 'delete_agreementdocument'),
        ('partnerships', 'delete_agreementparty'),
        ('partnerships', 'delete_keyfigure'),
        ('partnerships', 'delete_partnership'),
        ('partnerships', 'delete_partnershipmember'),
        ('partnerships', 'view_agreement'),
        ('partnerships', 'view_agreementcommitment'),
        ('partnerships', 'view_agreementdocument'),
        ('partnerships', 'view_agreementparty'),
        ('partnerships', 'view_confidential_agreement'),
        ('partnerships', 'view_keyfigure'),
        ('partnerships', 'view_partnership'),
        ('partnerships', 'view_partnershipmember'),
        ('people', 'add_person'),
        ('people', 'change_person'),
        ('people', 'delete_person'),
        ('people', 'view_person'),
        ('themes', 'add_researchtheme'),
        ('themes', 'change_researchtheme'),
        ('themes', 'delete_researchtheme'),
        ('themes', 'view_researchtheme'),
    ],
}


def create_roles(apps, schema_editor):
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
