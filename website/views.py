from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.calendars import ics_response
from core.collation import collated
from core.maps import HEIGHT, WIDTH, country_shapes
from events import calendars as event_calendars
from events.models import Event
from pagecache import versioned
from partnerships.models import KeyFigure, Partnership
from partnerships.selectors import partner_map
from programmes.calendars import with_closing_dates


def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Send `/` to the home page in the visitor's language (French unless the browser asks)."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        return HttpResponseRedirect(reverse("website:home"))


@require_GET
@cache_control(public=True, max_age=86400)
def world_map_svg(request: HttpRequest) -> HttpResponse:
    """The countries as one static-like SVG image, drawn once and cached."""
    paths = "".join(
        f'<path id="c-{shape.code}" d="{shape.path}"/>'
        if shape.code
        else f'<path d="{shape.path}"/>'
        for shape in country_shapes()
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eaf1f6"/>'
        f'<g fill="#d5d9de" stroke="#ffffff" stroke-width="0.4">{paths}</g></svg>'
    )
    return HttpResponse(svg, content_type="image/svg+xml")


FEATURED_SHOWN = 12
KEY_FIGURES_SHOWN = 12


class HomeView(TemplateView):
    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured"] = Partnership.objects.featured().order_by(collated("name"), "pk")[
            :FEATURED_SHOWN
        ]
        context["key_figures"] = KeyFigure.objects.filter(partnership__isnull=True)[
            :KEY_FIGURES_SHOWN
        ]
        context["latest_events"] = Event.objects.public().past()[:5]
        context["map"] = partner_map()
        context["organization"] = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": "Cancéropôle Lyon Auvergne-Rhône-Alpes (CLARA)",
            "alternateName": "CLARA",
            "url": self.request.build_absolute_uri(reverse("website:home")),
            "foundingDate": "2003",
            "description": _("Cancer research cluster of the Auvergne-Rhône-Alpes region."),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Lyon",
                "addressRegion": "Auvergne-Rhône-Alpes",
                "addressCountry": "FR",
            },
        }
        return context


class MapView(TemplateView):
    template_name = "website/map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(map=partner_map(), **kwargs)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"


def public_events_calendar(request):
    """The public events and the calls' closing dates (live) as an iCalendar feed, outside the
    language prefix like an API: upcoming ones and those of the last 6 months; `?past=N` goes N
    years back (at most MAX_PAST_YEARS); at most MAX_EVENTS, the nearest to today."""
    try:
        days = event_calendars.past_days(request.GET.get("past"))
    except ValueError:
        return HttpResponseBadRequest(
            f"past: a number of years, 1 to {event_calendars.MAX_PAST_YEARS}",
            content_type="text/plain",
        )
    today = timezone.localdate()
    feed = versioned.cached(
        event_calendars.FEED_AGGREGATE,
        lambda: event_calendars.public_events(
            absolute=request.build_absolute_uri, days=days, today=today
        ),
        variant=f"{request.build_absolute_uri('/')}:{days}:{today}",
    )
    feed = with_closing_dates(feed, absolute=request.build_absolute_uri, days=days)
    return ics_response(feed, "clara-events.ics")
