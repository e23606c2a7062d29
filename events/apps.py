from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    # Public pages show its records: their changes make cached pages stale (pagecache.versions).
    public_content = True
    verbose_name = _("Events")
