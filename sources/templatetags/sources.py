from django import template

from sources.selectors import sources_of

register = template.Library()


@register.simple_tag
def record_sources(obj):
    return list(sources_of(obj))
