from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from adminkit.preview import StaffPreviewMixin
from pagecache.cache import page_depends_on

from .models import Event

UPCOMING_SHOWN = 20
UNDATED_SHOWN = 20


class EventListView(TemplateView):
    """The next upcoming events, then past ones (paginated, newest first, on the start date's
    index), then the first of those whose date is unknown."""

    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs):
        events = Event.objects.public()
        past = Paginator(events.past(), 20).get_page(self.request.GET.get("page"))
        upcoming = list(events.upcoming().order_by("start_date", "pk")[: UPCOMING_SHOWN + 1])
        return super().get_context_data(
            upcoming=upcoming[:UPCOMING_SHOWN],
            more_upcoming=len(upcoming) > UPCOMING_SHOWN,
            past=past,
            page_obj=past,
            is_paginated=past.has_other_pages(),
            planned=events.planned().order_by("-start_date", "pk")[:UNDATED_SHOWN],
            undated=events.filter(start_date__isnull=True).order_by("title", "pk")[:UNDATED_SHOWN],
            **kwargs,
        )


class EventDetailView(StaffPreviewMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        events = Event.objects.all() if self.previewing else Event.objects.public()
        return events.select_related("partnership").prefetch_related("organisers")

    def get_context_data(self, **kwargs):
        event = self.object
        # Its collaboration only: another's leave this page fresh.
        records = [event.partnership] if event.partnership_id else []
        page_depends_on(self.request, records=records, through_apps={"partnerships"})
        data = event.as_schema_org(url=self.request.build_absolute_uri(event.get_absolute_url()))
        return super().get_context_data(event_json_ld=data, **kwargs)
