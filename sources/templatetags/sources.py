from django import template

from sources.selectors import sources_of

register = template.Library()


@register.simple_tag
def record_sources(obj):
    cited = getattr(obj, "cited_sources", None)
    return cited if cited is not None else list(sources_of(obj))
