from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from core import versioned
        from institutions.models import Institution

        from .filters import COUNTRY_CHOICES
        from .models import Partnership, PartnershipMember
        from .selectors import MAP_AGGREGATE

        versioned.invalidate_on(MAP_AGGREGATE, Partnership, PartnershipMember, Institution)
        versioned.invalidate_on(COUNTRY_CHOICES, Partnership)
