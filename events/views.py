from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from core.models import iso_partial_date

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
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "url": self.request.build_absolute_uri(event.get_absolute_url()),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": [
                {"@type": "Organization", "name": str(o)} for o in event.organisers.all()
            ],
        }
        if event.description:
            data["description"] = event.description
        if event.start_date:
            data["startDate"] = iso_partial_date(event.start_date, event.date_precision)
        if event.end_date:
            data["endDate"] = iso_partial_date(event.end_date, event.date_precision)
        if event.city or event.venue:
            data["location"] = {
                "@type": "Place",
                "name": event.venue or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": event.city,
                    "addressCountry": event.country.code or None,
                },
            }
        return super().get_context_data(event_json_ld=data, **kwargs)
