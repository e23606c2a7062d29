from django import template

from core.text import highlight as highlight_text

register = template.Library()


@register.filter
def highlight(text, query):
    return highlight_text(str(text or ""), query or "")
