from django import template
from django.urls import reverse

from ..selectors import kind_of

register = template.Library()


@register.filter
def introduction_url(record) -> str:
    """The address of the form asking for an introduction to this team, institution or
    collaboration."""
    return reverse("introductions:request", args=[kind_of(record), record.slug])
