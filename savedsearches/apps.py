from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedSearchesConfig(AppConfig):
    name = "savedsearches"
    verbose_name = _("Saved searches")

    def ready(self) -> None:
        from people.signals import personal_data_erased, personal_data_exported

        personal_data_exported.connect(_export, dispatch_uid="savedsearches.export")
        personal_data_erased.connect(_erase, dispatch_uid="savedsearches.erase")


def _export(sender, emails, **kwargs) -> dict:
    from .services import export_for_addresses

    return {"saved_searches": export_for_addresses(emails)}


def _erase(sender, emails, **kwargs) -> None:
    from .services import erase_addresses

    erase_addresses(emails)
