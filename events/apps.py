from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import versioned

        from .calendars import FEED_AGGREGATE
        from .models import Event

        versioned.invalidate_on(FEED_AGGREGATE, Event)
