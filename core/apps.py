from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .storage import connect_file_cleanup
        from .text import register_sqlite_functions

        connection_created.connect(register_sqlite_functions)
        connect_file_cleanup()
