from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminkitConfig(AppConfig):
    """The back-office's building blocks: admin bases, lists at scale, import and export,
    spreadsheets, background spreadsheet jobs, kept uploads, previews."""

    name = "adminkit"
    verbose_name = _("Back-office kit")

    def ready(self):
        from .third_party_messages import name_third_party_models

        name_third_party_models()
