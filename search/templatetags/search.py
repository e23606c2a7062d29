from django import template

from core.text import highlight as highlight_text

register = template.Library()


@register.filter
def highlight(text, query):
    return highlight_text(str(text or ""), query or "")


def _record_text(obj) -> str:
    """The text a result shows: names, acronym, summary, description, and its themes when
    they were read with it (no query here)."""
    parts = [
        str(getattr(obj, name, "") or "")
        for name in ("name", "acronym", "summary", "description", "city")
    ]
    prefetched = getattr(obj, "_prefetched_objects_cache", {})
    if "themes" in prefetched:
        parts += [theme.name for theme in prefetched["themes"]]
    return " ".join(parts)


@register.simple_tag
def thesaurus_reason(obj, query):
    """Why `obj` was found when the thesaurus, not the words typed, found it (or "")."""
    from thesaurus.explanations import reason

    return reason(_record_text(obj), getattr(query, "expansion", None))
