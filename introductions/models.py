"""A researcher's request that CLARA's international office introduce them to a partner."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

NAME_MAX = 200
MESSAGE_MAX = 2000


class IntroductionStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    INTRODUCED = "introduced", _("Introduced")
    DECLINED = "declined", _("Declined")


CLOSED = {IntroductionStatus.INTRODUCED, IntroductionStatus.DECLINED}


class IntroductionRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED)

    def due_for_deletion(self, now=None):
        """Closed longer ago than INTRODUCTION_RETENTION_DAYS (personal data kept no longer)."""
        now = now or timezone.now()
        limit = now - timedelta(days=settings.INTRODUCTION_RETENTION_DAYS)
        return self.filter(closed_at__lt=limit)

    def from_address(self, email: str):
        return self.filter(email__iexact=email.strip())


class IntroductionRequest(TimeStampedModel):
    Status = IntroductionStatus

    name = models.CharField(_("name"), max_length=NAME_MAX)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10)
    clara_team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("their CLARA team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(
        _("what they are looking for"), validators=[MaxLengthValidator(MESSAGE_MAX)]
    )
    team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduction_requests",
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduction_requests",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("collaboration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduction_requests",
    )
    subject = models.CharField(_("about"), max_length=255)
    consent_at = models.DateTimeField(_("consent given"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True, max_length=10_000)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    client = models.CharField(_("client"), max_length=64, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["client"])

    objects = IntroductionRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="introduction_status_idx"),
            models.Index(fields=["closed_at"], name="introduction_closed_idx"),
            models.Index(fields=["email", "created_at"], name="introduction_email_idx"),
            models.Index(fields=["client", "created_at"], name="introduction_client_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=IntroductionStatus.values), name="introduction_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.subject}"

    @property
    def record(self):
        return self.team or self.institution or self.partnership

    def save(self, *args, **kwargs):
        # Closing starts the retention period; reopening stops it.
        if self.status in CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status not in CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)
