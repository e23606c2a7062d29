from django import template

from evidence.selectors import institution_timeline

register = template.Library()


@register.inclusion_tag("evidence/includes/timeline.html")
def public_institution_timeline(institution):
    """The institution's evidence timeline as the public site may show it."""
    return {"timeline": institution_timeline(institution), "public": True}
