"""Writes of the programmes: keyword-only, validated, all or nothing."""

import datetime
import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from sesame.utils import get_query_string

from core.text import unique_slug
from mobility.models import MobilityExchange
from people.models import Person

from .models import (
    Application,
    ApplicationDocument,
    ChecklistItem,
    Decision,
    DecisionTemplate,
    Outcome,
    ReviewAssignment,
    Score,
)
from .selectors import award_target, conflicted, eligibility_problems, quota_use

logger = logging.getLogger(__name__)
SIGN_IN_SCOPE = "programmes"


# --- signing in by e-mail -------------------------------------------------------------------


def _allowed_another_link(email: str) -> bool:
    key = "programmes-link:" + hashlib.sha256(email.encode()).hexdigest()
    cache.add(key, 0, timeout=3600)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, timeout=3600)
        sent = 1
    return sent <= settings.PROGRAMMES_LINKS_PER_HOUR


def request_sign_in_link(*, email: str, link_url: str) -> None:
    """Mails a one-time sign-in link to `email` (an account is made for a new address). Staff,
    and addresses past PROGRAMMES_LINKS_PER_HOUR, get nothing: the page reads the same."""
    email = email.strip().lower()
    if not _allowed_another_link(email):
        logger.info("Sign-in links: too many for one address in the hour")
        return
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        user = User(username=_free_username(email), email=email)
        user.set_unusable_password()
        user.save()
    if user.is_staff or user.is_superuser or not user.is_active:
        return
    separator = "&" if "?" in link_url else "?"
    link = f"{link_url}{separator}{get_query_string(user, scope=SIGN_IN_SCOPE)[1:]}"
    minutes = settings.SESAME_MAX_AGE // 60
    body = render_to_string("programmes/email/sign_in.txt", {"link": link, "minutes": minutes})
    send_mail(_("Your sign-in link"), body, None, [email])


def _free_username(email: str) -> str:
    User = get_user_model()
    name = email[:150]
    while User.objects.filter(username=name).exists():
        name = f"{email[:140]}-{get_random_string(6)}"
    return name


# --- applying -------------------------------------------------------------------------------


def _refuse_if_closed(call, at=None) -> None:
    at = at or timezone.now()
    if at < call.opens_at:
        raise ValidationError(_("This call is not open yet."), code="not_open")
    if at >= call.closes_at:
        raise ValidationError(
            _("This call closed on %(when)s: it no longer takes applications or changes.")
            % {"when": _paris(call.closes_at)},
            code="closed",
        )


def _paris(moment: datetime.datetime) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def start_application(*, call, user, at=None) -> Application:
    """The applicant's draft for `call` (the one they have if any: one per call)."""
    existing = Application.objects.filter(call=call, applicant=user).first()
    if existing is not None:
        return existing
    _refuse_if_closed(call, at)
    application = Application(
        call=call, applicant=user, first_name=user.first_name, last_name=user.last_name
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same applicant, at the same moment, from another tab
        return Application.objects.get(call=call, applicant=user)
    return application


def save_draft(*, application: Application, values: dict, files: dict, at=None) -> Application:
    """The form's values and PDFs, while the application is a draft and the call open."""
    if application.status != Application.Status.DRAFT:
        raise ValidationError(_("A submitted or withdrawn application can no longer be changed."))
    _refuse_if_closed(application.call, at)
    with transaction.atomic():
        for name, value in values.items():
            setattr(application, name, value)
        application.full_clean(exclude=["call", "applicant"])
        application.save()
        for kind, upload in files.items():
            document = application.documents.filter(kind=kind).first() or ApplicationDocument(
                application=application, kind=kind
            )
            document.file = upload
            document.full_clean()
            document.save()
    return application


def submit_application(*, application: Application, at=None) -> Application:
    """Submitted, with a reference and a receipt mailed, if the call is open to the second and
    no rule is broken; otherwise refused, saying why, nothing changed."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("call").get(pk=application.pk)
        )
        if application.status != Application.Status.DRAFT:
            raise ValidationError(_("This application was already submitted or withdrawn."))
        _refuse_if_closed(application.call, at)
        problems = eligibility_problems(application)
        if problems:
            raise ValidationError(problems, code="ineligible")
        application.status = Application.Status.SUBMITTED
        application.submitted_at = at or timezone.now()
        application.reference = (
            f"{application.call.closes_at:%Y}-{application.call_id}-{application.pk:05d}"
        )
        application.save(update_fields=["status", "submitted_at", "reference", "updated_at"])
        transaction.on_commit(lambda: _mail_receipt(application))
    return application


def _mail_receipt(application: Application) -> None:
    body = render_to_string("programmes/email/receipt.txt", {"application": application})
    subject = _("Application received: %(reference)s") % {"reference": application.reference}
    send_mail(subject, body, None, [application.applicant.email])


def withdraw_application(*, application: Application) -> Application:
    if hasattr(application, "decision"):
        raise ValidationError(_("A decided application cannot be withdrawn."))
    if application.status == Application.Status.WITHDRAWN:
        return application
    application.status = Application.Status.WITHDRAWN
    application.submitted_at = application.submitted_at or timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    return application


# --- selection ------------------------------------------------------------------------------


def assign_reviewer(*, application: Application, reviewer, by) -> ReviewAssignment:
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Only submitted applications are reviewed."))
    if not application.call.reviewers.filter(pk=reviewer.pk).exists():
        raise ValidationError(_("%(name)s is not a reviewer of this call.") % {"name": reviewer})
    if conflicted(reviewer, application):
        raise ValidationError(
            _("%(name)s works where the applicant or the host does: a conflict of interest.")
            % {"name": reviewer}
        )
    if application.assignments.filter(reviewer=reviewer).exists():
        raise ValidationError(_("%(name)s already reviews this application.") % {"name": reviewer})
    try:
        with transaction.atomic():
            return ReviewAssignment.objects.create(
                application=application, reviewer=reviewer, assigned_by=by
            )
    except IntegrityError as twice:  # assigned at the same moment by someone else
        raise ValidationError(
            _("%(name)s already reviews this application.") % {"name": reviewer}
        ) from twice


def declare_conflict(*, assignment: ReviewAssignment, note: str) -> ReviewAssignment:
    with transaction.atomic():
        assignment.conflict = True
        assignment.conflict_note = note[:500]
        assignment.save(update_fields=["conflict", "conflict_note"])
        assignment.scores.all().delete()
    return assignment


def record_scores(*, assignment: ReviewAssignment, marks: dict, comment: str) -> None:
    """`marks`: {criterion: (value, comment)} for every criterion of the call."""
    if assignment.conflict:
        raise ValidationError(_("You declared a conflict of interest on this application."))
    if hasattr(assignment.application, "decision"):
        raise ValidationError(_("This application has been decided: scores are closed."))
    criteria = set(assignment.application.call.criteria.all())
    if set(marks) != criteria:
        raise ValidationError(_("Score every criterion."))
    with transaction.atomic():
        for criterion, (value, note) in marks.items():
            score = Score(assignment=assignment, criterion=criterion, value=value, comment=note)
            score.full_clean(exclude=["assignment", "criterion"], validate_unique=False)
            Score.objects.update_or_create(
                assignment=assignment,
                criterion=criterion,
                defaults={"value": value, "comment": note},
            )
        assignment.comment = comment
        assignment.scored_at = timezone.now()
        assignment.save(update_fields=["comment", "scored_at"])


def decide(*, application: Application, outcome: str, amount, by) -> Decision:
    """The decision, who took it and when; an award becomes a mobility with its checklist.
    The applicant is told by e-mail (the staff-edited template) once it is committed."""
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Only submitted applications are decided."))
    with transaction.atomic():
        decision = Decision.objects.filter(application=application).first() or Decision(
            application=application
        )
        if decision.mobility_id:
            raise ValidationError(_("This award already became a mobility: change it there."))
        decision.outcome, decision.amount = outcome, amount
        decision.decided_by, decision.decided_at = by, timezone.now()
        decision.full_clean(exclude=["application", "decided_by", "mobility"])
        decision.save()
        if outcome == Outcome.AWARDED:
            decision.mobility = award_mobility(application=application)
            decision.save(update_fields=["mobility"])
        transaction.on_commit(lambda: mail_decision(decision))
    return decision


def mail_decision(decision: Decision) -> None:
    application = decision.application
    with translation.override(translation.get_language() or settings.LANGUAGE_CODE):
        template = (
            DecisionTemplate.objects.filter(outcome=decision.outcome)
            .filter(Q(call=application.call_id) | Q(call__isnull=True))
            .order_by(F("call").asc(nulls_last=True))
            .first()
        )
        values = {
            "name": application.applicant_name,
            "call": application.call.title,
            "reference": application.reference,
            "amount": decision.amount or "",
        }
        if template is not None:
            subject, body = template.subject, template.body
        else:
            subject = _("Your application %(reference)s") % {"reference": application.reference}
            body = render_to_string("programmes/email/decision.txt", {"decision": decision})
        try:
            subject, body = subject.format(**values), body.format(**values)
        except (KeyError, IndexError, ValueError):
            logger.warning("Decision e-mail template %s has unknown placeholders", decision.outcome)
    send_mail(subject, body, None, [application.applicant.email])


# --- from award to mobility -----------------------------------------------------------------

# (item, owner, due: days from the start, or from the end for the report)
CHECKLIST = [
    (ChecklistItem.Kind.INVITATION, ChecklistItem.Owner.FELLOW, -60),
    (ChecklistItem.Kind.HOSTING, ChecklistItem.Owner.OFFICE, -45),
    (ChecklistItem.Kind.VISA, ChecklistItem.Owner.FELLOW, -30),
    (ChecklistItem.Kind.INSURANCE, ChecklistItem.Owner.FELLOW, -14),
    (ChecklistItem.Kind.ARRIVAL, ChecklistItem.Owner.HOST, 7),
    (ChecklistItem.Kind.REPORT, ChecklistItem.Owner.FELLOW, 30),
]


def award_mobility(*, application: Application) -> MobilityExchange:
    """The mobility of an award: the fellow (found by e-mail, or added to the people), host,
    dates, category, the call's partnership that has the host (else its first) and that
    partnership's latest agreement in force; then its checklist."""
    partnership, agreement = award_target(application)
    _refuse_beyond_quota(application, agreement)
    mobility = MobilityExchange(
        person=_fellow(application),
        category=application.career_stage,
        direction=MobilityExchange.Direction.OUTGOING,
        home_institution=application.clara_institution,
        home_team=application.team,
        host_institution=application.host_institution,
        partnership=partnership,
        agreement=agreement,
        planned_start=application.start_date,
        planned_end=application.end_date,
        funding=application.call.title,
    )
    mobility.full_clean()
    mobility.save()
    abroad = application.host_institution.country != application.clara_institution.country
    ChecklistItem.objects.bulk_create(
        ChecklistItem(
            mobility=mobility,
            application=application,
            kind=kind,
            owner=owner,
            due_on=(
                application.end_date
                if kind == ChecklistItem.Kind.REPORT
                else application.start_date
            )
            + datetime.timedelta(days=days),
        )
        for kind, owner, days in CHECKLIST
        if abroad or kind != ChecklistItem.Kind.VISA
    )
    return mobility


def _refuse_beyond_quota(application: Application, agreement) -> None:
    if agreement is None:
        return
    direction = MobilityExchange.Direction.OUTGOING
    use = quota_use(agreement, application.start_date.year, direction)
    exceeded = use.left_after(application.months or 0) if use else []
    if exceeded:
        raise ValidationError(
            _("The agreement's quota is reached: %(why)s.") % {"why": "; ".join(exceeded)}
        )


def _fellow(application: Application) -> Person:
    email = application.applicant.email
    person = Person.objects.filter(email__iexact=email).order_by("pk").first() if email else None
    if person is not None:
        return person
    person = Person(
        first_name=application.first_name,
        last_name=application.last_name,
        email=email,
        affiliation=application.clara_institution,
        team=application.team,
        is_public=False,
    )
    person.slug = unique_slug(Person, f"{person.first_name} {person.last_name}")
    person.full_clean()
    person.save()
    return person


def upload_final_report(*, item: ChecklistItem, upload) -> ChecklistItem:
    if item.kind != ChecklistItem.Kind.REPORT:
        raise ValidationError(_("Only the final report is uploaded here."))
    with transaction.atomic():
        item.file = upload
        item.full_clean()
        item.done_at = timezone.now()
        item.save()
    return item


# --- people's data --------------------------------------------------------------------------


def delete_expired_rejections(*, now=None) -> int:
    """Rejected applications, their files, reviews and scores, PROGRAMMES_RETENTION_DAYS
    after the decision. The number deleted."""
    from core.storage import delete_with_files

    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.PROGRAMMES_RETENTION_DAYS)
    expired = Application.objects.filter(
        decision__outcome=Outcome.REJECTED, decision__decided_at__lt=limit
    )
    documents = ApplicationDocument.objects.filter(application__in=expired.values("pk"))
    delete_with_files(documents, file_field="file")
    count = expired.count()
    expired.delete()
    return count
