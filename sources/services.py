from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from .models import Source, SourceLink


def cite(obj: Model, source: Source, locator: str = "", position: int = 0) -> SourceLink:
    """Record that `source` supports `obj` (idempotent)."""
    link, _created = SourceLink.objects.update_or_create(
        source=source,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        defaults={"locator": locator, "position": position},
    )
    return link
