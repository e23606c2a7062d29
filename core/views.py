from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.views.generic import TemplateView

from events.models import Event
from partnerships.models import KeyFigure, Partnership


def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Send `/` to the home page in the visitor's language (French unless the browser asks)."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        return HttpResponseRedirect(reverse("core:home"))


class HomeView(TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured"] = (
            Partnership.objects.featured().prefetch_related("themes").order_by("name")
        )
        context["key_figures"] = KeyFigure.objects.filter(partnership__isnull=True)
        context["latest_events"] = Event.objects.public().exclude(start_date=None)[:5]
        return context
