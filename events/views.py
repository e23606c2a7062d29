from django.views.generic import DetailView, ListView

from .models import Event


class EventListView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 30

    def get_queryset(self):
        return Event.objects.public().select_related("partnership")


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().select_related("partnership").prefetch_related("organisers")
