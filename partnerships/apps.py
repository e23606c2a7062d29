from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    # Public pages show its records: their changes make cached pages stale (pagecache.versions).
    public_content = True
    verbose_name = _("Partnerships")
