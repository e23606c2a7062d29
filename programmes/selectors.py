"""Reads of the programmes: eligibility, the staff lists, the ranking and the figures."""

from dataclasses import dataclass, field
from statistics import mean

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships.models import Agreement, PartnershipMember

from .models import (
    Application,
    ApplicationDocument,
    Call,
    CareerStage,
    Outcome,
    Quota,
    ReviewAssignment,
    Reviewer,
    Score,
)


@dataclass
class CallRules:
    """A call's eligibility rules, read once for any number of its applications."""

    call: Call
    clara_ids: set[int] | None
    host_ids: set[int] | None
    countries: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, call: Call) -> "CallRules":
        clara = set(call.clara_institutions.values_list("pk", flat=True)) or None
        partnerships = list(call.partnerships.values_list("pk", flat=True))
        hosts = None
        if partnerships:
            hosts = set(
                PartnershipMember.objects.filter(partnership__in=partnerships).values_list(
                    "institution_id", flat=True
                )
            )
        return cls(call, clara, hosts, {country.code for country in call.countries})


def eligibility_problems(application: Application, rules: CallRules | None = None) -> list[str]:
    """What keeps `application` from being submitted, each rule named; empty when none.
    `application.documents` is read once (prefetch it for lists)."""
    rules = rules or CallRules.of(application.call)
    return [*_missing(application, rules), *_rules_broken(application, rules)]


def _missing(application: Application, rules: CallRules) -> list[str]:
    required = {
        "first_name": application.first_name,
        "last_name": application.last_name,
        "career_stage": application.career_stage,
        "clara_institution": application.clara_institution_id,
        "host_institution": application.host_institution_id,
        "start_date": application.start_date,
        "end_date": application.end_date,
        "requested_amount": application.requested_amount,
        "project": application.project.strip(),
    }
    problems = [
        _("“%(field)s” is missing.") % {"field": Application._meta.get_field(name).verbose_name}
        for name, value in required.items()
        if not value
    ]
    uploaded = {document.kind for document in application.documents.all()}
    problems += [
        _("The document “%(kind)s” is missing.") % {"kind": label}
        for code, label in rules.call.document_labels()
        if code not in uploaded
    ]
    if not application.consent:
        problems.append(_("Your consent to the processing of your data is missing."))
    return problems


def _rules_broken(application: Application, rules: CallRules) -> list[str]:
    call, problems = rules.call, []
    institution = application.clara_institution
    if institution is not None and not (
        application.clara_institution_id in rules.clara_ids
        if rules.clara_ids is not None
        else institution.network_role == Institution.NetworkRole.REGIONAL_MEMBER
    ):
        problems.append(
            _("This call is not open to applicants of %(name)s.") % {"name": institution}
        )
    stage = application.career_stage
    if stage and call.career_stages and stage not in call.career_stages:
        label = CareerStage(stage).label
        problems.append(_("This call is not open to: %(stage)s.") % {"stage": label})
    problems += _destination_problems(application, rules)
    months = application.months
    if months is not None and call.min_months and months < call.min_months:
        problems.append(_("The stay must last at least %(n)s months.") % {"n": call.min_months})
    if months is not None and call.max_months and months > call.max_months:
        problems.append(_("The stay may last at most %(n)s months.") % {"n": call.max_months})
    amount = application.requested_amount
    if amount is not None and amount > call.max_award:
        problems.append(_("At most %(max)s € may be requested.") % {"max": call.max_award})
    return problems


def _destination_problems(application: Application, rules: CallRules) -> list[str]:
    host = application.host_institution
    if host is None:
        return []
    problems = []
    if rules.host_ids is not None and host.pk not in rules.host_ids:
        problems.append(
            _("%(name)s is not one of the institutions of this call's partnerships.")
            % {"name": host}
        )
    if rules.countries and host.country.code not in rules.countries:
        problems.append(
            _("This call does not fund stays in %(country)s.") % {"country": host.country.name}
        )
    return problems


def applications_of(call: Call):
    """A call's applications (drafts apart) for the staff list: one query per page for them,
    one for their documents."""
    return (
        call.applications.exclude(status=Application.Status.DRAFT)
        .select_related("clara_institution", "host_institution", "team", "decision", "call")
        .prefetch_related(
            Prefetch("documents", ApplicationDocument.objects.only("application", "kind"))
        )
        .annotate(reviews=Count("assignments", filter=Q(assignments__conflict=False)))
        .order_by("pk")
    )


def conflicted(reviewer: Reviewer, application: Application) -> bool:
    """The reviewer works where the applicant does (institution or team) or at the host."""
    if reviewer.team_id and reviewer.team_id == application.team_id:
        return True
    institutions = {application.clara_institution_id, application.host_institution_id} - {None}
    return reviewer.institution_id in institutions


def reviewers_offered(application: Application) -> list[Reviewer]:
    """The call's reviewers who may be assigned: not in conflict, not assigned already."""
    assigned = application.assignments.values("reviewer")
    candidates = application.call.reviewers.exclude(pk__in=assigned).order_by("name", "pk")
    return [r for r in candidates if not conflicted(r, application)]


@dataclass
class Ranked:
    application: Application
    score: float | None
    reviews: int
    spread: float
    flagged: bool


def ranking(call: Call) -> list[Ranked]:
    """Submitted applications by weighted mean score (out of 5), best first; the spread
    between reviewers flagged above PROGRAMMES_SPREAD_FLAG. Three queries at any size."""
    per_review = (
        Score.objects.filter(assignment__application__call=call, assignment__conflict=False)
        .values("assignment", "assignment__application")
        .annotate(total=Sum(F("value") * F("criterion__weight")), weights=Sum("criterion__weight"))
        .order_by()
    )
    by_application: dict[int, list[float]] = {}
    for row in per_review:
        by_application.setdefault(row["assignment__application"], []).append(
            row["total"] / row["weights"]
        )
    applications = call.applications.submitted().select_related(
        "clara_institution", "host_institution", "decision"
    )
    rows = []
    for application in applications:
        marks = by_application.get(application.pk, [])
        spread = max(marks) - min(marks) if marks else 0.0
        score = round(mean(marks), 2) if marks else None
        flagged = spread > settings.PROGRAMMES_SPREAD_FLAG
        rows.append(Ranked(application, score, len(marks), round(spread, 2), flagged))
    rows.sort(key=lambda row: (row.score is None, -(row.score or 0), row.application.pk))
    return rows


def assignments_of(user):
    """A reviewer's own assignments, never anyone else's."""
    return (
        ReviewAssignment.objects.filter(reviewer__user=user)
        .select_related("application__call", "application__host_institution")
        .order_by("-application__call__closes_at", "pk")
    )


def teams_of_clara():
    return (
        Team.objects.filter(institution__network_role=Institution.NetworkRole.REGIONAL_MEMBER)
        .select_related("institution")
        .order_by("name", "pk")
    )


def call_figures(call: Call) -> dict:
    """Applications, eligible, awarded, success rate, amounts by country and career stage:
    the figures the reports read (a bounded number of queries)."""
    submitted = call.applications.submitted()
    rules = CallRules.of(call)
    eligible = sum(
        1
        for application in submitted.select_related("clara_institution", "host_institution")
        .prefetch_related("documents")
        .iterator(chunk_size=500)
        if not eligibility_problems(application, rules)
    )
    awarded = submitted.filter(decision__outcome=Outcome.AWARDED)
    count = submitted.count()
    by_country = (
        awarded.values(country=F("host_institution__country"))
        .annotate(awards=Count("pk"), amount=Sum("decision__amount"))
        .order_by("country")
    )
    by_stage = (
        awarded.values("career_stage")
        .annotate(awards=Count("pk"), amount=Sum("decision__amount"))
        .order_by("career_stage")
    )
    awards = awarded.count()
    return {
        "applications": count,
        "eligible": eligible,
        "awarded": awards,
        "success_rate": round(awards / count, 3) if count else None,
        "amount": awarded.aggregate(total=Sum("decision__amount"))["total"] or 0,
        "by_country": list(by_country),
        "by_career_stage": list(by_stage),
    }


FEED_CALLS = 50


def calls_closing(since):
    """The public calls closing from `since` on (the feed's window), the nearest first."""
    return (
        Call.objects.public().filter(closes_at__gte=since).order_by("closes_at", "pk")[:FEED_CALLS]
    )


@dataclass
class QuotaUse:
    quota: Quota
    places: int
    months: float

    def left_after(self, months: float) -> list[str]:
        """What one more mobility of `months` would exceed, named; empty when it fits."""
        quota, exceeded = self.quota, []
        if quota.places is not None and self.places + 1 > quota.places:
            exceeded.append(
                _("all %(n)s places of %(year)s are used") % {"n": quota.places, "year": quota.year}
            )
        if quota.months is not None and self.months + months > quota.months:
            exceeded.append(
                _("%(used)s of the %(n)s months of %(year)s are used")
                % {"used": round(self.months, 1), "n": quota.months, "year": quota.year}
            )
        return exceeded


def quota_use(agreement, year: int, direction: str) -> QuotaUse | None:
    """The agreement's quota for a year and direction with what its mobilities use of it."""
    quota = Quota.objects.filter(agreement=agreement, year=year, direction=direction).first()
    if quota is None:
        return None
    mobilities = MobilityExchange.objects.not_cancelled().filter(
        agreement=agreement, direction=direction, planned_start__year=year
    )
    days = sum(
        ((m.planned_end - m.planned_start).days + 1)
        for m in mobilities.only("planned_start", "planned_end")
        if m.planned_end and m.planned_start
    )
    return QuotaUse(quota, mobilities.count(), days / 30.4375)


def award_target(application: Application):
    """The partnership and agreement an award's mobility is linked to: the call's partnership
    that has the host (else its first), and its latest agreement in force, if any."""
    partnerships = application.call.partnerships.order_by("pk")
    hosting = partnerships.filter(members__institution=application.host_institution_id).first()
    partnership = hosting or partnerships.first()
    if partnership is None:
        return None, None
    agreements = Agreement.objects.in_force().filter(partnership=partnership)
    return partnership, agreements.order_by("-pk").first()


def quota_of(application: Application, *, user) -> QuotaUse | None:
    """The quota an award of `application` would count against, with its use, if `user` may
    see its agreement (a confidential one is never named to those who may not)."""
    _partnership, agreement = award_target(application)
    if agreement is None or application.start_date is None:
        return None
    if not Agreement.objects.visible_to(user).filter(pk=agreement.pk).exists():
        return None
    return quota_use(agreement, application.start_date.year, MobilityExchange.Direction.OUTGOING)
