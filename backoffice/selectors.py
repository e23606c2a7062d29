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


@dataclass
class TranslationGap:
    label: str
    count: int
    url: str


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
        count = queryset.count()
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


def recent_changes(*, user: AbstractBaseUser, limit: int = 12) -> list[Change]:
    records = []
    for model in TRACKED_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        history = model.history.select_related("history_user").order_by("-history_date")
        if model is Agreement:
            history = history.visible_to(user)
        records.extend(
            Change(
                date=record.history_date,
                action=record.get_history_type_display(),
                kind=str(opts.verbose_name),
                label=str(record.instance),
                user=str(record.history_user or ""),
            )
            for record in history[:limit]
        )
    return sorted(records, key=attrgetter("date"), reverse=True)[:limit]


def today() -> datetime.date:
    return timezone.localdate()
