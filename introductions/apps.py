from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "introductions"
    verbose_name = _("Introductions")

    def ready(self) -> None:
        from people.signals import personal_data_erased, personal_data_exported

        personal_data_exported.connect(_export, dispatch_uid="introductions.export")
        personal_data_erased.connect(_erase, dispatch_uid="introductions.erase")


def _export(sender, emails, **kwargs) -> dict:
    from .services import export_for_addresses

    return {"introduction_requests": export_for_addresses(emails)}


def _erase(sender, emails, **kwargs) -> None:
    from .services import erase_addresses

    erase_addresses(emails)
