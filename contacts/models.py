"""The people staff write to at each partner institution and collaboration: back-office only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel


class ContactRole(models.TextChoices):
    SCIENTIFIC_LEAD = "scientific_lead", _("Scientific lead")
    INTERNATIONAL_OFFICE = "international_office", _("International office")
    LEGAL = "legal", _("Legal")
    OTHER = "other", _("Other")


class PartnerContactQuerySet(models.QuerySet):
    def at(self, *, institution_ids=(), partnership_ids=()):
        """Contacts at any of these institutions or collaborations."""
        return self.filter(
            Q(institution_id__in=list(institution_ids))
            | Q(partnership_id__in=list(partnership_ids))
        )


class PartnerContact(TimeStampedModel):
    """Someone at a partner. Never on a public page, feed or the API, whatever their consent:
    the consent (and its date) records what they agreed to, for a later use."""

    Role = ContactRole

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=Role, default=Role.OTHER)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    agreed_to_publication = models.BooleanField(
        _("agreed to be named publicly"),
        default=False,
        help_text=_("Only with their written agreement; nothing public shows contacts today."),
    )
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PartnerContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(institution__isnull=False) | Q(partnership__isnull=False),
                name="contact_at_institution_or_partnership",
            ),
            models.CheckConstraint(
                condition=Q(role__in=ContactRole.values), name="contact_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.institution_id is None and self.partnership_id is None:
            raise ValidationError(_("Choose the institution or the collaboration they work for."))
        if self.agreed_to_publication and not self.agreed_on:
            raise ValidationError({"agreed_on": _("Give the date they agreed on.")})

    @property
    def where(self) -> str:
        return " · ".join(str(x) for x in (self.institution, self.partnership) if x)


class ContactExchange(models.Model):
    """One exchange with a contact: when, who at CLARA, what."""

    contact = models.ForeignKey(
        PartnerContact,
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="exchanges",
    )
    date = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.TextField(_("what was said"), max_length=2000)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.contact.name}"
