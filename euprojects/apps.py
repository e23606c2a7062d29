from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EuProjectsConfig(AppConfig):
    name = "euprojects"
    # Institution pages show its records: changes make cached pages stale (pagecache.versions).
    public_content = True
    verbose_name = _("EU projects")
