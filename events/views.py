from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from core.calendars import ics_response

from . import calendars
from .models import Event


class EventListView(TemplateView):
    """Upcoming events first, then past ones (paginated), then those whose date is unknown."""

    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs):
        events = Event.objects.public().select_related("partnership")
        past = Paginator(events.past(), 20).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            upcoming=events.upcoming().order_by("start_date"),
            past=past,
            page_obj=past,
            is_paginated=past.has_other_pages(),
            undated=events.filter(start_date__isnull=True),
            **kwargs,
        )


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().select_related("partnership").prefetch_related("organisers")

    def get_context_data(self, **kwargs):
        event = self.object
        data = event.as_schema_org(url=self.request.build_absolute_uri(event.get_absolute_url()))
        return super().get_context_data(event_json_ld=data, **kwargs)


def public_events_calendar(request):
    """The public events as an iCalendar feed (outside the language prefix, like an API)."""
    feed = calendars.public_events(absolute=request.build_absolute_uri)
    return ics_response(feed, "clara-events.ics")
