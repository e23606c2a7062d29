"""CLARA's programmes: calls, applications, reviews, decisions and the checklist of the
mobility an award becomes."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from core.models import TimeStampedModel
from core.storage import get_private_storage
from core.validators import validate_order, validate_pdf
from mobility.models import MobilityExchange, MobilityExchangeCategory

SCORE_MAX = 5
CareerStage = MobilityExchangeCategory  # a call's career stages are the mobility categories


class CallKind(models.TextChoices):
    MOBILITY = "mobility", _("Mobility grant")
    SEED = "seed", _("Seed funding for an international project")
    EVENT = "event", _("Event support")


class DocumentKind(models.TextChoices):
    CV = "cv", _("Curriculum vitae")
    INVITATION = "invitation", _("Host's letter of invitation")
    PROJECT = "project", _("Project description")
    SUPERVISOR = "supervisor", _("Supervisor's agreement")
    BUDGET = "budget", _("Budget")


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def open(self, at=None):
        at = at or timezone.now()
        return self.filter(opens_at__lte=at, closes_at__gt=at)

    def upcoming(self, at=None):
        return self.filter(opens_at__gt=at or timezone.now())

    def closed(self, at=None):
        return self.filter(closes_at__lte=at or timezone.now())


class Call(TimeStampedModel):
    """A call for applications ("appel"): its dates, rules, budget, documents and criteria."""

    Kind = CallKind

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MOBILITY)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="calls",
        help_text=_("The destination must be one of their institutions (none: any)."),
    )
    countries = CountryField(_("partner countries"), multiple=True, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(
        _("closes at"), help_text=_("Paris time; submissions are refused from this second on.")
    )
    clara_institutions = models.ManyToManyField(
        "institutions.Institution",
        verbose_name=_("CLARA institutions allowed"),
        blank=True,
        related_name="+",
        help_text=_("Empty: any CLARA member institution."),
    )
    career_stages = models.JSONField(
        _("career stages"), default=list, blank=True, help_text=_("Empty: any career stage.")
    )
    min_months = models.PositiveSmallIntegerField(
        _("shortest stay (months)"), null=True, blank=True
    )
    max_months = models.PositiveSmallIntegerField(_("longest stay (months)"), null=True, blank=True)
    budget = models.DecimalField(_("budget (€)"), max_digits=10, decimal_places=2)
    max_award = models.DecimalField(_("maximum award (€)"), max_digits=10, decimal_places=2)
    required_documents = models.JSONField(_("documents required"), default=list, blank=True)
    reviewers = models.ManyToManyField(
        "programmes.Reviewer", verbose_name=_("reviewers"), blank=True, related_name="calls"
    )
    is_public = models.BooleanField(_("shown on the public site"), default=False)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-closes_at", "pk"]
        indexes = [models.Index(fields=["closes_at", "opens_at"], name="call_dates_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(max_award__gt=0) & Q(max_award__lte=F("budget")),
                name="call_max_award_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(min_months__isnull=True)
                | Q(max_months__isnull=True)
                | Q(max_months__gte=F("min_months")),
                name="call_duration_bounds_ordered",
            ),
            models.CheckConstraint(condition=Q(kind__in=CallKind.values), name="call_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The call must close after it opens.")
        if self.max_award is not None and self.budget is not None and self.max_award > self.budget:
            errors["max_award"] = _("The maximum award cannot exceed the budget.")
        if self.max_award is not None and self.max_award <= 0:
            errors["max_award"] = _("The maximum award must be more than zero.")
        try:
            validate_order(self, ("min_months", "max_months"))
        except ValidationError as disordered:
            errors.update(disordered.message_dict)
        unknown = set(self.career_stages or []) - set(CareerStage.values)
        unknown |= set(self.required_documents or []) - set(DocumentKind.values)
        if unknown:
            errors["career_stages"] = _("Unknown choice: %(codes)s.") % {
                "codes": ", ".join(sorted(unknown))
            }
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("programmes:call-detail", kwargs={"slug": self.slug})

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    def state(self, at=None) -> str:
        at = at or timezone.now()
        if at < self.opens_at:
            return "upcoming"
        return "open" if at < self.closes_at else "closed"

    def career_stage_labels(self) -> list[str]:
        return [str(CareerStage(code).label) for code in self.career_stages or []]

    def document_labels(self) -> list[tuple[str, str]]:
        return [(code, str(DocumentKind(code).label)) for code in self.required_documents or []]


class Criterion(models.Model):
    """An evaluation criterion of a call, scored 0 to SCORE_MAX, weighted."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("name"), max_length=255)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "pk"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight")]

    def __str__(self) -> str:
        return self.name


class Reviewer(models.Model):
    """An expert (staff or external) who scores applications; their institution and team tell
    the conflicts of interest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="reviewer",
    )
    name = models.CharField(_("name"), max_length=200)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("application status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")


class ApplicationQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(applicant=user)

    def submitted(self):
        return self.filter(status=ApplicationStatus.SUBMITTED)


class Application(TimeStampedModel):
    Status = ApplicationStatus

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    reference = models.CharField(_("reference"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    career_stage = models.CharField(
        _("career stage"), max_length=20, choices=CareerStage, blank=True
    )
    clara_institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("CLARA institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    host_institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("host institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    host_contact = models.CharField(_("host contact"), max_length=200, blank=True)
    host_contact_email = models.EmailField(_("host contact's e-mail"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    requested_amount = models.DecimalField(
        _("amount requested (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    project_title = models.CharField(_("project title"), max_length=255, blank=True)
    project = models.TextField(_("the project (in French or English)"), blank=True)
    consent = models.BooleanField(
        _("I agree that CLARA processes these data to assess my application"), default=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["call", "status", "id"], name="application_call_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"], name="application_one_per_applicant"
            ),
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="application_reference"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="application_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="application_submitted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"{self.call} · {self.applicant_name}"

    @property
    def applicant_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or str(self.applicant)

    def clean(self) -> None:
        super().clean()
        validate_order(self, ("start_date", "end_date"))

    @property
    def months(self) -> float | None:
        if not (self.start_date and self.end_date):
            return None
        return round(((self.end_date - self.start_date).days + 1) / 30.4375, 1)

    def get_absolute_url(self) -> str:
        return reverse("programmes:application", kwargs={"pk": self.pk})


def application_document_path(instance: "ApplicationDocument", filename: str) -> str:
    application = instance.application
    return f"applications/{application.call_id}/{application.pk}/{instance.kind}-{filename}"


class ApplicationDocument(models.Model):
    """A PDF of an application, checked and stored as agreement documents are (private)."""

    Kind = DocumentKind

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    file = models.FileField(
        _("PDF file"),
        storage=get_private_storage,
        upload_to=application_document_path,
        max_length=255,
        validators=[validate_pdf],
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="application_doc_once"),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="application_doc_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class ReviewAssignment(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        Reviewer, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    conflict = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.CharField(_("conflict of interest"), max_length=500, blank=True)
    comment = models.TextField(_("general comment"), blank=True)
    scored_at = models.DateTimeField(_("scored at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="assignment_once_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class Score(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_once"),
            models.CheckConstraint(
                condition=Q(value__gte=0) & Q(value__lte=SCORE_MAX), name="score_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Outcome(models.TextChoices):
    AWARDED = "awarded", _("Awarded")
    WAITING = "waiting", _("Waiting list")
    REJECTED = "rejected", pgettext_lazy("application outcome", "Rejected")


class Decision(models.Model):
    Outcome = Outcome

    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome)
    amount = models.DecimalField(
        _("amount awarded (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    mobility = models.ForeignKey(
        "mobility.MobilityExchange",
        verbose_name=_("mobility"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="awarded") & Q(amount__gt=0))
                | (~Q(outcome="awarded") & Q(amount__isnull=True)),
                name="decision_amount_when_awarded",
            ),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="decision_valid"),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()

    def clean(self) -> None:
        super().clean()
        if self.outcome != Outcome.AWARDED:
            self.amount = None
            return
        call = self.application.call
        if self.amount is None or self.amount <= 0:
            raise ValidationError({"amount": _("An award needs an amount.")})
        if self.amount > call.max_award:
            raise ValidationError(
                {
                    "amount": _("At most %(max)s € may be awarded by this call.")
                    % {"max": call.max_award}
                }
            )


class DecisionTemplate(models.Model):
    """The e-mail sent for a decision, in each language, edited by staff: a call's own, else
    the one for every call. Placeholders: {name}, {call}, {reference}, {amount}."""

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decision_templates",
        help_text=_("Empty: for every call that has none of its own."),
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Placeholders: {name}, {call}, {reference}, {amount}.")
    )

    class Meta:
        verbose_name = _("decision e-mail")
        verbose_name_plural = _("decision e-mails")
        ordering = ["outcome", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "outcome"], name="decision_template_once"),
            models.UniqueConstraint(
                fields=["outcome"], condition=Q(call__isnull=True), name="decision_template_default"
            ),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()


class ChecklistItemKind(models.TextChoices):
    INVITATION = "invitation", _("Host's invitation letter")
    HOSTING = "hosting", _("Hosting agreement")
    INSURANCE = "insurance", _("Insurance")
    VISA = "visa", _("Visa")
    ARRIVAL = "arrival", _("Arrival attestation")
    REPORT = "report", _("Final report")


class ChecklistOwner(models.TextChoices):
    FELLOW = "fellow", _("Fellow")
    OFFICE = "office", _("International office")
    HOST = "host", _("Host")


class ChecklistItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def due_by(self, day: datetime.date):
        return self.open().filter(due_on__lte=day)


def report_path(instance: "ChecklistItem", filename: str) -> str:
    return f"mobility-reports/{instance.mobility_id}/{filename}"


class ChecklistItem(models.Model):
    """A step of an awarded mobility, with who owns it and when it is due."""

    Kind = ChecklistItemKind
    Owner = ChecklistOwner

    mobility = models.ForeignKey(
        "mobility.MobilityExchange",
        verbose_name=_("mobility"),
        on_delete=models.CASCADE,
        related_name="checklist",
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="checklist",
    )
    kind = models.CharField(_("item"), max_length=20, choices=Kind)
    owner = models.CharField(_("owner"), max_length=10, choices=Owner)
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    file = models.FileField(
        _("PDF file"),
        storage=get_private_storage,
        upload_to=report_path,
        max_length=255,
        blank=True,
        validators=[validate_pdf],
    )

    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done_at", "due_on"], name="checklist_due_idx")]
        constraints = [
            models.UniqueConstraint(fields=["mobility", "kind"], name="checklist_item_once"),
            models.CheckConstraint(
                condition=Q(kind__in=ChecklistItemKind.values), name="checklist_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(owner__in=ChecklistOwner.values), name="checklist_owner_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Quota(models.Model):
    """What an agreement allows per year and direction (places, months), against which awards
    are counted: the agreement's mobilities starting that year, cancelled ones apart."""

    agreement = models.ForeignKey(
        "partnerships.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="quotas",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    direction = models.CharField(_("direction"), max_length=10, choices=MobilityExchange.Direction)
    places = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["-year", "agreement", "direction"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year", "direction"], name="quota_once_a_year"
            ),
            models.CheckConstraint(
                condition=Q(places__isnull=False) | Q(months__isnull=False),
                name="quota_places_or_months",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} · {self.year} · {self.get_direction_display()}"

    def clean(self) -> None:
        super().clean()
        if self.places is None and self.months is None:
            raise ValidationError(_("Give a number of places, of months, or both."))
