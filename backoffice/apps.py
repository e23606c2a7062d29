from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "backoffice"
    verbose_name = _("Back-office")

    def ready(self):
        from django.contrib.auth.models import Group, Permission
        from django.db.models.signals import post_migrate

        from .roles import permission_label, role_label
        from .signals import sync_roles

        post_migrate.connect(sync_roles, sender=self, dispatch_uid="backoffice.sync_roles")
        # Wherever the admin names a group (list, filters, user form, titles): its label.
        Group.__str__ = role_label
        # Wherever it names a permission (group and user forms): in the page's language.
        Permission.__str__ = permission_label


class ClaraAdminConfig(admin_apps.AdminConfig):
    """The admin itself, served by CLARA's site (backoffice.sites)."""

    default = False
    default_site = "backoffice.sites.ClaraAdminSite"

    def ready(self):
        super().ready()
        from django.core import checks

        from adminkit.admin_scale import check_every_admin

        checks.register(check_every_admin, checks.Tags.admin)
