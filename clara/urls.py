from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import pgettext_lazy

from ops.views import healthz
from website import views as website_views
from website.sitemaps import SITEMAPS

urlpatterns = [
    path("", website_views.language_redirect, name="root"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("backoffice/reports/", include("reports.urls")),
    path("backoffice/", include("backoffice.urls")),
    path("backoffice/programmes/", include("programmes.staff_urls")),
    path("backoffice/timeline/", include("evidence.urls")),
    path("robots.txt", website_views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("map/world.svg", website_views.world_map_svg, name="world-map"),
    path("api/", include("api.urls")),
    path("calendar/events.ics", website_views.public_events_calendar, name="events-calendar"),
    path("calendar/", include("alerts.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("website.urls")),
    path("collaborations/", include("partnerships.urls")),
    path("institutions/", include("institutions.urls")),
    path("themes/", include("themes.urls")),
    path("events/", include("events.urls")),
    path("search/", include("search.urls")),
    path("introductions/", include("introductions.urls")),
    path("saved-searches/", include("savedsearches.urls")),
    path("mobility/", include("mobility.urls")),
    # "appels/" on French pages, "calls/" on English ones.
    path(pgettext_lazy("address", "calls/"), include("programmes.urls")),
    path("eu-projects/", include("euprojects.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "website.errors.not_found"
