"""Which sources support which records, and which published records have none."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from .models import Source, SourceLink


def sources_of(obj: Model) -> QuerySet[Source]:
    content_type = ContentType.objects.get_for_model(type(obj))
    return Source.objects.filter(
        links__content_type=content_type, links__object_id=obj.pk
    ).order_by("links__position", "title")


def published_querysets() -> list[QuerySet]:
    """The records that must cite a source: what the public site and the API show.

    Sources sit below the domain apps (they cite any record): the models come from the registry.
    """
    Event = apps.get_model("events", "Event")
    Institution, Team = (apps.get_model("institutions", name) for name in ("Institution", "Team"))
    ResearchTheme = apps.get_model("themes", "ResearchTheme")
    Agreement, KeyFigure, Partnership = (
        apps.get_model("partnerships", name) for name in ("Agreement", "KeyFigure", "Partnership")
    )

    return [
        Partnership.objects.public(),
        Agreement.objects.published(),
        Event.objects.public(),
        KeyFigure.objects.filter(partnership__isnull=True)
        | KeyFigure.objects.filter(partnership__is_public=True),
        # Institutions entered by CLARA (a directory one's source is its ROR record).
        Institution.objects.filter(source=Institution.Source.CLARA),
        Team.objects.all(),
        ResearchTheme.objects.all(),
    ]


def published_without_source() -> list[Model]:
    missing = []
    for queryset in published_querysets():
        content_type = ContentType.objects.get_for_model(queryset.model)
        cited = SourceLink.objects.filter(content_type=content_type).values("object_id")
        missing.extend(queryset.exclude(pk__in=cited))
    return missing


def attach_sources(records) -> None:
    """Set `cited_sources` on each record, in one query whatever their models (a page's records
    and its key figures, for instance): the count does not depend on which lists are empty."""
    records = list(records)
    if not records:
        return
    content_types = ContentType.objects.get_for_models(*{type(record) for record in records})
    wanted = Q()
    for model, content_type in content_types.items():
        keys = [record.pk for record in records if type(record) is model]
        wanted |= Q(content_type=content_type, object_id__in=keys)
    links = (
        SourceLink.objects.filter(wanted)
        .select_related("source")
        .order_by("position", "source__title")
    )
    by_record: dict[tuple[int, int], list[Source]] = {}
    for link in links:
        by_record.setdefault((link.content_type_id, link.object_id), []).append(link.source)
    for record in records:
        content_type = content_types[type(record)]
        record.cited_sources = by_record.get((content_type.pk, record.pk), [])
