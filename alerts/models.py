import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    AGREEMENT_EXPIRY = "agreement_expiry", _("Agreement expiring")
    RENEWAL_NOTICE = "renewal_notice", _("Renewal notice due")
    MOBILITY_START = "mobility_start", _("Mobility starting")
    MOBILITY_END = "mobility_end", _("Mobility ending")


class ReminderLog(models.Model):
    """One alert sent to one person: the database refuses to record (and so to send) it twice."""

    Kind = ReminderKind

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    object_id = models.PositiveBigIntegerField(_("record"))
    threshold = models.PositiveSmallIntegerField(_("days before"), default=0)
    due_on = models.DateField(_("date concerned"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "threshold", "due_on", "recipient"],
                name="reminder_sent_once",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ReminderKind.values), name="reminder_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.object_id} → {self.recipient}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a staff member's personal calendar address; regenerating it revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("token"), max_length=64, default=new_token)
    password_seal = models.CharField(
        _("password seal"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Changes with the password: a new password revokes the address."),
    )
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")
        constraints = [models.UniqueConstraint(fields=["token"], name="calendar_token_unique")]

    def __str__(self) -> str:
        return str(self.user)

    def save(self, *args, **kwargs):
        self.password_seal = self.seal_for(self.user)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("alerts:staff-calendar", kwargs={"token": self.token})

    @staticmethod
    def seal_for(user) -> str:
        return salted_hmac("clara.calendar-token", user.password, algorithm="sha256").hexdigest()

    def is_valid(self) -> bool:
        user = self.user
        return (
            user.is_active
            and user.is_staff
            and constant_time_compare(self.password_seal, self.seal_for(user))
        )
