from django.conf import settings
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

    def get_urls(self, page=1, site=None, protocol=None):
        """x-default names the page in the default language: every address is prefixed, so
        Django's unprefixed x-default would only redirect."""
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            by_language = {alt["lang_code"]: alt["location"] for alt in url["alternates"]}
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = by_language[settings.LANGUAGE_CODE]
        return urls


class StaticPagesSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "website:home",
            "website:map",
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
