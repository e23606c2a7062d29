from django import template

from evidence.selectors import institution_timeline, partnership_timeline

register = template.Library()


@register.inclusion_tag("evidence/includes/timeline.html")
def public_institution_timeline(institution):
    """The institution's evidence timeline as the public site may show it."""
    return {"timeline": institution_timeline(institution), "public": True}


@register.inclusion_tag("evidence/includes/timeline.html")
def public_partnership_timeline(partnership):
    """The collaboration's evidence timeline as the public site may show it."""
    return {"timeline": partnership_timeline(partnership), "public": True}
