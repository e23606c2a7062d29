from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from institutions.models import Institution
from partnerships.models import Agreement, Partnership
from themes.models import ResearchTheme


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "core:home",
            "core:map",
            "partnerships:partnership-list",
            "institutions:institution-list",
            "themes:theme-list",
            "events:event-list",
        ]

    def location(self, item):
        return reverse(item)


class PartnershipSitemap(BilingualSitemap):
    def items(self):
        return Partnership.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class AgreementSitemap(BilingualSitemap):
    def items(self):
        return Agreement.objects.published().order_by("pk")


class InstitutionSitemap(BilingualSitemap):
    def items(self):
        return Institution.objects.partners().light().order_by("pk")


class ThemeSitemap(BilingualSitemap):
    def items(self):
        return ResearchTheme.objects.order_by("pk")


class EventSitemap(BilingualSitemap):
    def items(self):
        return Event.objects.public().order_by("pk")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "collaborations": PartnershipSitemap,
    "agreements": AgreementSitemap,
    "institutions": InstitutionSitemap,
    "themes": ThemeSitemap,
    "events": EventSitemap,
}
