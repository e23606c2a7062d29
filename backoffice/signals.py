"""Keeps the staff roles equal to backoffice.roles.ROLES after every migrate (idempotent)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, router

from .roles import ROLES


def sync_roles(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS, verbosity: int = 1, **kwargs):
    """post_migrate handler: each role gets exactly its permissions; groups are never removed."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    if not router.allow_migrate_model(using, Group):
        return
    # The permissions of apps migrated after backoffice may not exist yet: create them first.
    for app_label in sorted({app_label for codes in ROLES.values() for app_label, _c in codes}):
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, using=using, apps=apps
        )
    for name, codes in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        permissions = [
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in sorted(codes)
        ]
        group.permissions.set(permissions)
