"""What the admin dashboard shows: deadlines, people abroad, translations to do, recent changes."""

import datetime
from dataclasses import dataclass
from operator import attrgetter

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from core.translation_status import missing_translation_q, translated_fields
from events.models import Event
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships.models import Agreement, KeyFigure, Partnership
from people.models import Person
from sources.selectors import published_querysets
from themes.models import ResearchTheme

TRACKED_MODELS: list[type[Model]] = [
    Partnership,
    Agreement,
    Institution,
    Team,
    Person,
    ResearchTheme,
    MobilityExchange,
    Event,
    KeyFigure,
]


# A dashboard count stops here ("more than 1,000"): it must not scan a whole big table.
DASHBOARD_COUNT_LIMIT = 1_000


def capped_count(queryset, limit: int = DASHBOARD_COUNT_LIMIT) -> int:
    """The number of rows up to `limit` + 1 (one bounded query)."""
    return queryset.order_by()[: limit + 1].count()


@dataclass
class TranslationGap:
    label: str
    count: int
    url: str

    @property
    def more(self) -> bool:
        return self.count > DASHBOARD_COUNT_LIMIT


def _visible_agreements(user: AbstractBaseUser):
    return Agreement.objects.visible_to(user)


def expiring_agreements(*, user: AbstractBaseUser, days: int = 90, on: datetime.date | None = None):
    if not user.has_perm("partnerships.view_agreement"):
        return Agreement.objects.none()
    return (
        _visible_agreements(user)
        .expiring_within(days, on)
        .select_related("partnership")
        .order_by("end_date")[:20]
    )


def mobilities_under_way(*, user: AbstractBaseUser, on: datetime.date | None = None):
    if not user.has_perm("mobility.view_mobilityexchange"):
        return MobilityExchange.objects.none()
    return (
        MobilityExchange.objects.under_way(on)
        .select_related("person", "host_institution")
        .order_by("planned_end")[:20]
    )


def translation_gaps(*, user: AbstractBaseUser) -> list[TranslationGap]:
    gaps = []
    for model in TRACKED_MODELS:
        opts = model._meta
        if not translated_fields(model) or not user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        ):
            continue
        queryset = model.objects.filter(missing_translation_q(model))
        if model is Agreement:
            queryset = queryset.filter(pk__in=_visible_agreements(user).values("pk"))
        count = capped_count(queryset)
        if count:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            gaps.append(
                TranslationGap(str(opts.verbose_name_plural), count, f"{url}?translation=missing")
            )
    return gaps


@dataclass
class Change:
    date: datetime.datetime
    action: str
    kind: str
    label: str
    user: str


# What a record's name reads through its foreign keys: loaded with the history rows.
LABEL_RELATIONS: dict[type[Model], list[str]] = {
    MobilityExchange: ["person", "host_institution"],
}


def _label(model: type[Model], record) -> str:
    # Built from the history row alone (`record.instance` reads the fields history does not
    # keep from the live row: one query per record).
    instance = model(
        **{
            field.attname: getattr(record, field.attname)
            for field in model._meta.concrete_fields
            if hasattr(record, field.attname)
        }
    )
    for name in LABEL_RELATIONS.get(model, []):
        related = getattr(record, name)
        if related is not None:
            setattr(instance, name, related)
    return str(instance)


def recent_changes(*, user: AbstractBaseUser, limit: int = 12) -> list[Change]:
    """The latest changes over the tracked models: one query per model, whatever the data."""
    records = []
    for model in TRACKED_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        history = model.history.select_related(
            "history_user", *LABEL_RELATIONS.get(model, [])
        ).order_by("-history_date")
        if model is Agreement:
            history = history.visible_to(user)
        records.extend(
            Change(
                date=record.history_date,
                action=record.get_history_type_display(),
                kind=str(opts.verbose_name),
                label=_label(model, record),
                user=str(record.history_user or ""),
            )
            for record in history[:limit]
        )
    return sorted(records, key=attrgetter("date"), reverse=True)[:limit]


@dataclass
class Unsourced:
    label: str
    count: int
    first: list[Model]

    @property
    def more(self) -> bool:
        return self.count > DASHBOARD_COUNT_LIMIT


def unsourced_records(*, per_model: int = 5) -> list[Unsourced]:
    """Published records with no source: per kind, a bounded count and the first few."""
    from django.contrib.contenttypes.models import ContentType

    from sources.models import SourceLink

    found = []
    for queryset in published_querysets():
        model = queryset.model
        content_type = ContentType.objects.get_for_model(model)
        cited = SourceLink.objects.filter(content_type=content_type).values("object_id")
        missing = queryset.exclude(pk__in=cited)
        count = capped_count(missing)  # always: the same queries whatever the data
        if count:
            first = list(missing.order_by("pk")[:per_model])
            found.append(Unsourced(str(model._meta.verbose_name_plural), count, first))
    return found


def today() -> datetime.date:
    return timezone.localdate()
