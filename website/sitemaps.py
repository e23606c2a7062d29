"""The sitemap: an index (/sitemap.xml) of sections, each in pages of at most LIMIT addresses
(the protocol allows 50,000 per file). A page reads its own range of records (values only, no
query per record, nothing counted)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from events.models import Event
from institutions.models import Institution
from partnerships.models import Agreement, Partnership
from themes.models import ResearchTheme

LIMIT = 350  # addresses per sitemap page (each with its language alternates): ≤ 200 KB
PLACEHOLDER = "record-slug"


class PkRanges:
    """A section's pages as ranges of primary keys: page p holds the records whose key is in
    ((p - 1) * size, p * size]. No count and no offset: a page reads at most `size` rows of its
    range, and the number of pages comes from the table's largest key (its index)."""

    def __init__(self, queryset, size: int):
        self.queryset, self.size = queryset, size

    @cached_property
    def num_pages(self) -> int:
        top = self.queryset.model._default_manager.aggregate(top=Max("pk"))["top"] or 0
        return max(1, -(-top // self.size))

    def rows(self, page) -> QuerySet:
        try:
            number = int(page)
        except (TypeError, ValueError):
            raise PageNotAnInteger(page) from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(page)
        low = (number - 1) * self.size
        return self.queryset.filter(pk__gt=low, pk__lte=low + self.size).order_by("pk")


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT

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


class SlugSitemap(BilingualSitemap):
    """Records read as (slug, updated_at) rows, in pages of primary key ranges."""

    url_name = ""
    dated = True

    def queryset(self):
        raise NotImplementedError

    def items(self):
        return self.queryset().order_by("pk").values(*self.fields)

    @property
    def fields(self) -> list[str]:
        return ["slug", "updated_at"] if self.dated else ["slug"]

    @cached_property
    def paginator(self) -> PkRanges:
        return PkRanges(self.queryset(), self.limit // len(self._languages()))

    def location(self, item) -> str:
        return reverse(self.url_name, kwargs={"slug": item["slug"]})

    def get_urls(self, page=1, site=None, protocol=None):
        """The page's entries from one address pattern per language (no reverse per record)."""
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        languages = self._languages()
        patterns = {}
        for language in languages:
            with translation.override(language):
                patterns[language] = base + reverse(self.url_name, kwargs={"slug": PLACEHOLDER})
        urls = []
        items = self.paginator.rows(page).values(*self.fields)
        for item, language in ((item, code) for item in items for code in languages):
            where = {code: patterns[code].replace(PLACEHOLDER, item["slug"]) for code in languages}
            alternates = [{"location": where[code], "lang_code": code} for code in languages]
            if settings.LANGUAGE_CODE in where:
                alternates.append(
                    {"location": where[settings.LANGUAGE_CODE], "lang_code": "x-default"}
                )
            urls.append(
                {
                    "item": item,
                    "location": where[language],
                    "lastmod": item.get("updated_at"),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        return urls

    def lastmod(self, item):
        return item.get("updated_at")

    def get_latest_lastmod(self):
        """One aggregate, not a pass over every record."""
        if not self.dated:
            return None
        return self.queryset().aggregate(latest=Max("updated_at"))["latest"]


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


class PartnershipSitemap(SlugSitemap):
    url_name = "partnerships:partnership-detail"

    def queryset(self):
        return Partnership.objects.public()


class AgreementSitemap(SlugSitemap):
    url_name = "partnerships:agreement-detail"

    def queryset(self):
        return Agreement.objects.published()


class InstitutionSitemap(SlugSitemap):
    """Every public institution: CLARA's own and the directory organisations taking part."""

    url_name = "institutions:institution-detail"
    dated = False

    def queryset(self):
        return Institution.objects.partners_probed()


class ThemeSitemap(SlugSitemap):
    url_name = "themes:theme-detail"
    dated = False

    def queryset(self):
        return ResearchTheme.objects.all()


class EventSitemap(SlugSitemap):
    url_name = "events:event-detail"

    def queryset(self):
        return Event.objects.public()


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "collaborations": PartnershipSitemap,
    "agreements": AgreementSitemap,
    "institutions": InstitutionSitemap,
    "themes": ThemeSitemap,
    "events": EventSitemap,
}
