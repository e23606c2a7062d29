from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    # Not public content: applications change all day; the call pages are never page-cached
    # (their state follows the clock) and the feed adds the closing dates afresh.
    verbose_name = _("Programmes")
