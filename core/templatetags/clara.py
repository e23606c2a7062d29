import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import maps

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """The current page's absolute address in another language."""
    request = context["request"]
    return translate_url(request.build_absolute_uri(), language)


@register.simple_tag
def json_ld(data: dict) -> str:
    """A schema.org block; escaped like json_script so that data cannot close the tag.

    A data block, never run, so the CSP's script-src does not apply to it: no nonce, which
    keeps the page cacheable (a nonce must never be served twice). Its French text follows
    French typography, as the page does.
    """
    from core.typography import typography_data

    payload = json.dumps(
        typography_data(data), cls=DjangoJSONEncoder, ensure_ascii=False
    ).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def map_layers(points, box: str = "world") -> dict:
    """The markers of a map's box, clustered for wide and for narrow screens."""
    left, top, width, height = maps.VIEW_BOXES[box]
    return {
        "view_box": f"{left} {top} {width} {height}",
        "hub_radius": maps.MARKER_RADII[box]["wide"] * 0.6,
        **maps.marker_layers(points, box),
    }


@register.filter
def active_filters(form) -> int:
    """How many of a filter form's fields, keywords aside, the visitor has filled in."""
    if not form.is_bound:
        return 0
    return sum(1 for name in form.fields if name != "q" and form.data.get(name))


@register.filter
def with_errors(field):
    """A form field tied to its error messages (aria-describedby, aria-invalid) when it has any.

    The messages are rendered elsewhere with the id `<field id>-errors`.
    """
    if not field.errors:
        return field
    return field.as_widget(
        attrs={"aria-describedby": f"{field.auto_id}-errors", "aria-invalid": "true"}
    )
