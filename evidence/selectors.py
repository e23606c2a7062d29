"""The evidence timeline of a partner institution or of a partnership: one dated view of its
agreements (signed, renewed, ended), mobilities (done and planned, apart), events and EU
projects, with an activity indicator and the next actions.

`user=None` is the public site: published, non-confidential records only, and only dates a
record states (an agreement "ended" only once its stated end is wholly past). A staff member
sees what their role may see (Agreement.objects.visible_to). Every kind is read newest first
and capped (PER_KIND, `more` tells where there is more): a constant number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import DatePrecision, format_partial_date
from euprojects.models import Participation, Project
from events.models import Event
from institutions.models import Institution
from mobility.models import MobilityExchange
from partnerships.models import Agreement, AgreementStatus, Partnership

PER_KIND = 10
DORMANT_YEARS = 2  # no dated evidence for longer than this: "nothing since 2018"
NOTICE_HORIZON = 365  # next actions due within this many days (or overdue)
FINAL_REPORT_DAYS = 60  # an EU grant's final report is due 60 days after the project's end


@dataclass
class Evidence:
    date: datetime.date
    date_display: str
    kind: str  # agreement, mobility_done, mobility_planned, event, eu_project
    label: str
    text: str
    url: str = ""
    confidential: bool = False


@dataclass
class NextAction:
    date: datetime.date
    label: str
    text: str
    url: str = ""
    overdue: bool = False


@dataclass
class Timeline:
    entries: list[Evidence]
    more: set[str] = field(default_factory=set)
    next_actions: list[NextAction] = field(default_factory=list)
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def latest(self) -> datetime.date | None:
        """The latest evidence of something that took place (planned things do not count)."""
        past = [
            e.date for e in self.entries if e.kind != "mobility_planned" and e.date <= self.today
        ]
        return max(past, default=None)

    @property
    def dormant_since(self) -> int | None:
        """The year of the latest evidence when it is older than DORMANT_YEARS."""
        latest = self.latest
        if latest is not None and latest.year < self.today.year - DORMANT_YEARS:
            return latest.year
        return None


def _ended(value: datetime.date | None, precision: str, today: datetime.date) -> bool:
    """The stated end is wholly past (all of "2018" is past in 2019)."""
    if value is None:
        return False
    if precision == DatePrecision.YEAR:
        return value.year < today.year
    if precision == DatePrecision.MONTH:
        return (value.year, value.month) < (today.year, today.month)
    return value < today


def _agreements(scope: Q, user) -> QuerySet:
    rows = Agreement.objects.published() if user is None else Agreement.objects.visible_to(user)
    return rows.filter(scope)


def _agreement_entries(agreements: list, user, today) -> list[Evidence]:
    entries = []
    for agreement in agreements:
        url = agreement.get_absolute_url() if user is None else _admin_url(agreement)
        common = {"url": url, "confidential": agreement.is_confidential}
        if agreement.signed_on:
            entries.append(
                Evidence(
                    agreement.signed_on,
                    agreement.signed_display,
                    "agreement",
                    _("Agreement signed"),
                    agreement.title,
                    **common,
                )
            )
        successor = agreement.successor
        if successor and successor.signed_on and _may_see(successor, user):
            entries.append(
                Evidence(
                    successor.signed_on,
                    successor.signed_display,
                    "agreement",
                    _("Agreement renewed"),
                    successor.title,
                    **common,
                )
            )
        ended = agreement.status in AgreementStatus.signed() and _ended(
            agreement.end_date, agreement.end_precision, today
        )
        if ended:
            entries.append(
                Evidence(
                    agreement.end_date,
                    agreement.end_display,
                    "agreement",
                    _("Agreement ended"),
                    agreement.title,
                    **common,
                )
            )
    return entries


def _may_see(agreement: Agreement, user) -> bool:
    if user is None:
        return not agreement.is_confidential and agreement.is_public
    return agreement.is_visible_to(user)


def _admin_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def _capped(queryset: QuerySet, kind: str, more: set) -> list:
    rows = list(queryset[: PER_KIND + 1])
    if len(rows) > PER_KIND:
        more.add(kind)
    return rows[:PER_KIND]


def _mobility_entries(mobilities: QuerySet, user, more: set) -> list[Evidence]:
    rows = mobilities.select_related("host_institution").order_by()
    done = rows.filter(
        status__in=[MobilityExchange.Status.UNDER_WAY, MobilityExchange.Status.COMPLETED],
        actual_start__isnull=False,
    ).order_by(F("actual_start").desc(), "pk")
    planned = rows.filter(
        status__in=[MobilityExchange.Status.PLANNED, MobilityExchange.Status.CONFIRMED],
        planned_start__isnull=False,
    ).order_by(F("planned_start").desc(), "pk")
    entries = []
    for kind, label, queryset, column in (
        ("mobility_done", _("Mobility done"), done, "actual_start"),
        ("mobility_planned", _("Mobility planned"), planned, "planned_start"),
    ):
        for mobility in _capped(queryset, kind, more):
            day = getattr(mobility, column)
            entries.append(
                Evidence(
                    day,
                    format_partial_date(day, DatePrecision.DAY),
                    kind,
                    label,
                    _("%(category)s, host institution: %(host)s")
                    % {
                        "category": mobility.get_category_display(),
                        "host": mobility.host_institution,
                    },
                    "" if user is None else _admin_url(mobility),
                )
            )
    return entries


def _event_entries(events: QuerySet, user, more: set) -> list[Evidence]:
    rows = events.exclude(start_date=None).order_by(F("start_date").desc(), "pk")
    return [
        Evidence(
            event.start_date,
            event.date_display,
            "event",
            event.get_kind_display(),
            event.title,
            event.get_absolute_url() if user is None else _admin_url(event),
        )
        for event in _capped(rows, "event", more)
    ]


def _project_entries(projects: QuerySet, user, more: set) -> list[Evidence]:
    rows = projects.exclude(start_date=None).order_by(F("start_date").desc(), "pk")
    return [
        Evidence(
            project.start_date,
            format_partial_date(project.start_date, DatePrecision.DAY),
            "eu_project",
            _("EU project started"),
            f"{project.acronym} ({project.framework_programme})",
            project.cordis_url if user is None else _admin_url(project),
        )
        for project in _capped(rows, "eu_project", more)
    ]


def _next_actions(agreements: QuerySet, projects: QuerySet, user, today) -> list[NextAction]:
    """Renewal notices of agreements in force (not renewed), final reports of EU projects."""
    if user is None:
        return []  # the office's work, not the public's
    until = today + datetime.timedelta(days=NOTICE_HORIZON)
    actions = []
    due = agreements.renewal_notice_due(until=until, on=today).order_by("renewal_notice_on")
    for agreement in due[:PER_KIND]:
        notice = agreement.renewal_notice_on
        actions.append(
            NextAction(
                notice,
                _("Renewal notice"),
                _("%(agreement)s: notify renewal or termination by %(date)s (ends %(end)s)")
                % {
                    "agreement": agreement.title,
                    "date": format_partial_date(notice, DatePrecision.DAY),
                    "end": agreement.end_display,
                },
                _admin_url(agreement),
                overdue=notice < today,
            )
        )
    report_window = datetime.timedelta(days=FINAL_REPORT_DAYS)
    ending = projects.filter(end_date__gte=today - report_window, end_date__lte=until)
    for project in ending.order_by("end_date", "pk")[:PER_KIND]:
        report_due = project.end_date + report_window
        actions.append(
            NextAction(
                report_due,
                _("Report due"),
                _("%(project)s ends %(end)s: final report due by %(date)s")
                % {
                    "project": project.acronym,
                    "end": format_partial_date(project.end_date, DatePrecision.DAY),
                    "date": format_partial_date(report_due, DatePrecision.DAY),
                },
                _admin_url(project),
                overdue=report_due < today,
            )
        )
    return sorted(actions, key=lambda a: a.date)


def _timeline(*, agreements, mobilities, events, projects, user) -> Timeline:
    today = timezone.localdate()
    more: set[str] = set()
    agreement_rows = _capped(
        agreements.select_related("successor").order_by(
            Coalesce("signed_on", "start_date", "end_date").desc(nulls_last=True), "pk"
        ),
        "agreement",
        more,
    )
    entries = [
        *_agreement_entries(agreement_rows, user, today),
        *_mobility_entries(mobilities, user, more),
        *_event_entries(events, user, more),
        *_project_entries(projects, user, more),
    ]
    entries.sort(key=lambda e: e.date, reverse=True)
    return Timeline(
        entries=entries,
        more=more,
        next_actions=_next_actions(agreements, projects, user, today),
        today=today,
    )


def institution_timeline(institution: Institution, *, user=None) -> Timeline:
    """An institution's evidence: its agreements, mobilities it hosts or sends, events it
    organises, EU projects it takes part in. `user=None`: the public site's."""
    mobilities = MobilityExchange.objects.not_cancelled().filter(
        Q(host_institution=institution) | Q(home_institution=institution)
    )
    events = Event.objects.filter(organisers=institution)
    if user is None:
        mobilities = mobilities.public()
        events = events.public()
    return _timeline(
        agreements=_agreements(Q(parties__institution=institution), user),
        mobilities=mobilities,
        events=events,
        projects=Project.objects.filter(participations__institution=institution).distinct(),
        user=user,
    )


def partnership_projects(partnership: Partnership) -> QuerySet:
    """EU projects in which two or more of the partnership's members take part."""
    members = partnership.members.values("institution")
    shared = (
        Participation.objects.filter(institution__in=members)
        .order_by()
        .values("project")
        .annotate(partners=Count("institution", distinct=True))
        .filter(partners__gte=2)
        .values("project")
    )
    return Project.objects.filter(pk__in=shared)


def partnership_timeline(partnership: Partnership, *, user=None) -> Timeline:
    mobilities = partnership.mobilities.not_cancelled()
    events = partnership.events.all()
    if user is None:
        mobilities = mobilities.public()
        events = events.public()
    return _timeline(
        agreements=_agreements(Q(partnership=partnership), user),
        mobilities=mobilities,
        events=events,
        projects=partnership_projects(partnership),
        user=user,
    )
