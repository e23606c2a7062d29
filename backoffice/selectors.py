"""What the admin dashboard shows: deadlines, departures and returns, proposals, translations and
sources to do, recent changes."""

import datetime
from dataclasses import dataclass
from operator import attrgetter

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Model, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from core.translation_status import missing_translation_q, translated_fields
from events.models import Event
from institutions.models import Institution, RorMatch, Team
from mobility.models import MobilityExchange
from pagecache.versioned import cached
from partnerships.models import (
    Agreement,
    KeyFigure,
    Partnership,
    can_see_confidential,
)
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


# A dashboard count stops here ("more than 1,000"): it must not scan a whole big table
# (settings.ADMIN_DASHBOARD_COUNT_LIMIT; the tests lower it to cross it with little data).
DASHBOARD_COUNT_LIMIT = 1_000


def dashboard_count_limit() -> int:
    return getattr(settings, "ADMIN_DASHBOARD_COUNT_LIMIT", DASHBOARD_COUNT_LIMIT)


def capped_count(queryset, limit: int | None = None) -> int:
    """The number of rows up to `limit` + 1 (one bounded query)."""
    limit = dashboard_count_limit() if limit is None else limit
    return queryset.order_by()[: limit + 1].count()


def _scope(user: AbstractBaseUser) -> str:
    """What of the dashboard's figures a user may see beyond the permission to view a kind of
    record: the one confidentiality rule. Figures are cached per scope, never per user."""
    return "confidential" if can_see_confidential(user) else "unconfidential"


def _may_view(user: AbstractBaseUser, model: type[Model]) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def _figures(name: str, build, *, variant: str = ""):
    """A dashboard figure computed once per content version (every save, delete, import and
    staff POST changes it: never stale after an edit, read afresh on every dashboard), language
    and `variant`, then read from the cache shared by every process."""
    return cached(f"dashboard:{name}", build, variant=variant, fresh=True)


@dataclass
class TranslationGap:
    label: str
    count: int
    url: str
    limit: int = DASHBOARD_COUNT_LIMIT

    @property
    def more(self) -> bool:
        return self.count > self.limit


def _visible_agreements(user: AbstractBaseUser):
    return Agreement.objects.visible_to(user)


# The dashboard's bands of agreements ending soon, its windows and how many items a list shows.
ENDING_BANDS = (30, 90, 180)
NOTICE_WINDOW = 60
MOVES_WINDOW = 60
LIST_LENGTH = 10


@dataclass
class Listing:
    """The first records of a dashboard list, their bounded count and the full list's address."""

    items: list
    count: int
    url: str = ""
    limit: int = DASHBOARD_COUNT_LIMIT

    @property
    def more(self) -> bool:
        return self.count > self.limit

    @property
    def rest(self) -> int:
        return max(self.count - len(self.items), 0)


@dataclass
class EndingBand:
    after: int
    within: int
    listing: Listing


def _listing(queryset, url: str = "") -> Listing:
    """Both queries always: the same work whatever the data."""
    limit = dashboard_count_limit()
    return Listing(list(queryset[:LIST_LENGTH]), capped_count(queryset, limit), url, limit)


def _agreements_url(**params) -> str:
    return f"{reverse('admin:partnerships_agreement_changelist')}?{urlencode(params)}"


def _ending_bands(user, on: datetime.date) -> list[EndingBand]:
    bands, after = [], 0
    for within in ENDING_BANDS:
        first, last = on + datetime.timedelta(days=after), on + datetime.timedelta(days=within)
        agreements = (
            _visible_agreements(user)
            .in_force(on)
            .not_renewed()
            .filter(end_date__gte=first, end_date__lte=last)
            .select_related("partnership")
            .order_by("end_date", "pk")
        )
        url = _agreements_url(
            end_date__gte=first.isoformat(),
            end_date__lte=last.isoformat(),
            successor__isnull="True",
        )
        bands.append(EndingBand(after, within, _listing(agreements, url)))
        after = within + 1
    return bands


def ending_agreements(*, user: AbstractBaseUser, on: datetime.date | None = None):
    """Agreements in force ending within 30, 90 and 180 days whose renewal is not started."""
    if not _may_view(user, Agreement):
        return []
    on = on or today()
    return _figures(
        "ending", lambda: _ending_bands(user, on), variant=f"{_scope(user)}:{on.isoformat()}"
    )


def renewal_notices_due(*, user: AbstractBaseUser, on: datetime.date | None = None) -> Listing:
    """Agreements whose renewal notice is due within NOTICE_WINDOW days or overdue (their end
    to come), renewal not started: the most urgent first."""
    if not _may_view(user, Agreement):
        return Listing([], 0)
    on = on or today()

    def build():
        due = (
            _visible_agreements(user)
            .renewal_notice_due(until=on + datetime.timedelta(days=NOTICE_WINDOW), on=on)
            .order_by("renewal_notice_on", "pk")
        )
        return _listing(due)

    return _figures("notices", build, variant=f"{_scope(user)}:{on.isoformat()}")


def renewals_in_progress(*, user: AbstractBaseUser) -> Listing:
    """Agreements renewed by a successor not signed yet: their alerts are silenced."""
    if not _may_view(user, Agreement):
        return Listing([], 0)

    def build():
        renewing = (
            _visible_agreements(user)
            .renewal_in_progress()
            .successor_visible_to(user)
            .select_related("successor")
            .order_by(F("end_date").asc(nulls_last=True), "pk")
        )
        return _listing(renewing)

    return _figures("renewing", build, variant=_scope(user))


def _moving(field: str, on: datetime.date, days: int):
    """Mobilities whose start (or end), actual else planned, falls in the next `days` days."""
    window = (on, on + datetime.timedelta(days=days))
    return (
        MobilityExchange.objects.not_cancelled()
        .filter(
            Q(**{f"actual_{field}__range": window})
            | Q(**{f"actual_{field}__isnull": True, f"planned_{field}__range": window})
        )
        .annotate(moving_on=Coalesce(f"actual_{field}", f"planned_{field}"))
        .select_related("person", "host_institution")
        .order_by("moving_on", "pk")
    )


def mobility_moves(*, user: AbstractBaseUser, on: datetime.date | None = None) -> dict:
    """Departures and returns within MOVES_WINDOW days."""
    if not _may_view(user, MobilityExchange):
        return {}
    on = on or today()

    def build():
        return {
            "departures": _listing(_moving("start", on, MOVES_WINDOW)),
            "returns": _listing(_moving("end", on, MOVES_WINDOW)),
        }

    return _figures("moves", build, variant=on.isoformat())


def proposals_to_review(*, user: AbstractBaseUser) -> Listing | None:
    """ROR matches proposed and not decided yet."""
    if not _may_view(user, RorMatch):
        return None

    def build():
        proposed = (
            RorMatch.objects.filter(status=RorMatch.Status.PROPOSED)
            .select_related("institution")
            .order_by("-confidence", "pk")
        )
        url = reverse("admin:institutions_rormatch_changelist")
        return _listing(proposed, f"{url}?status__exact={RorMatch.Status.PROPOSED}")

    return _figures("proposals", build)


def _missing_translation_counts(user: AbstractBaseUser) -> dict[str, int]:
    """Per tracked model, its records missing a translation (capped): one query each, for
    every model whatever the user may view (the permissions apply when read)."""
    counts = {}
    for model in TRACKED_MODELS:
        if not translated_fields(model):
            continue
        queryset = model.objects.filter(missing_translation_q(model))
        if model is Agreement:
            queryset = queryset.filter(pk__in=_visible_agreements(user).values("pk"))
        counts[model._meta.label_lower] = capped_count(queryset)
    return counts


def translation_gaps(*, user: AbstractBaseUser) -> list[TranslationGap]:
    counts = _figures(
        "translations", lambda: _missing_translation_counts(user), variant=_scope(user)
    )
    limit = dashboard_count_limit()
    gaps = []
    for model in TRACKED_MODELS:
        count = counts.get(model._meta.label_lower, 0)
        if not count or not _may_view(user, model):
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        gaps.append(
            TranslationGap(
                str(opts.verbose_name_plural), count, f"{url}?translation=missing", limit
            )
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


def _action(record) -> str:
    """“Deleted”, unless the deletion says why (“Merged into Heidelberg University”)."""
    if record.history_type == "-" and record.history_change_reason:
        return record.history_change_reason
    return record.get_history_type_display()


def _latest_changes(user: AbstractBaseUser, limit: int) -> dict[str, list[Change]]:
    """The latest `limit` changes of each tracked model: one query per model, whatever the
    data and whatever the user may view (the permissions apply when read)."""
    latest = {}
    for model in TRACKED_MODELS:
        opts = model._meta
        history = model.history.select_related(
            "history_user", *LABEL_RELATIONS.get(model, [])
        ).order_by("-history_date")
        if model is Agreement:
            history = history.visible_to(user)
        latest[opts.label_lower] = [
            Change(
                date=record.history_date,
                action=_action(record),
                kind=str(opts.verbose_name),
                label=_label(model, record),
                user=str(record.history_user or ""),
            )
            for record in history[:limit]
        ]
    return latest


def recent_changes(*, user: AbstractBaseUser, limit: int = 12) -> list[Change]:
    """The latest changes over the tracked models the user may view."""
    latest = _figures(
        "changes", lambda: _latest_changes(user, limit), variant=f"{_scope(user)}:{limit}"
    )
    records = [
        change
        for model in TRACKED_MODELS
        if _may_view(user, model)
        for change in latest.get(model._meta.label_lower, [])
    ]
    return sorted(records, key=attrgetter("date"), reverse=True)[:limit]


@dataclass
class Unsourced:
    label: str
    count: int
    first: list[Model]
    limit: int = DASHBOARD_COUNT_LIMIT

    @property
    def more(self) -> bool:
        return self.count > self.limit


def _unsourced_records(per_model: int) -> list[Unsourced]:
    from django.contrib.contenttypes.models import ContentType

    from sources.models import SourceLink

    limit = dashboard_count_limit()
    found = []
    for queryset in published_querysets():
        model = queryset.model
        content_type = ContentType.objects.get_for_model(model)
        cited = SourceLink.objects.filter(content_type=content_type).values("object_id")
        missing = queryset.exclude(pk__in=cited)
        # Both queries always: the same work whatever the data.
        count = capped_count(missing, limit)
        first = list(missing.order_by("pk")[:per_model])
        if count:
            found.append(Unsourced(str(model._meta.verbose_name_plural), count, first, limit))
    return found


def unsourced_records(*, per_model: int = 5) -> list[Unsourced]:
    """Published records with no source: per kind, a bounded count and the first few."""
    return _figures("unsourced", lambda: _unsourced_records(per_model), variant=str(per_model))


def today() -> datetime.date:
    return timezone.localdate()
