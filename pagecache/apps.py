from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagecacheConfig(AppConfig):
    """The public page cache and the content versions it is kept by (docs/caching.md)."""

    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import versions

        versions.connect_signals()
