from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Mobility")

    def ready(self):
        from core import versioned
        from institutions.models import Institution
        from partnerships.models import Partnership

        from .models import MobilityExchange
        from .selectors import FIGURES_AGGREGATE

        versioned.invalidate_on(FIGURES_AGGREGATE, MobilityExchange, Partnership, Institution)
