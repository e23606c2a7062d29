import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import TimeStampedModel
from core.translation_status import missing_translation_index
from core.validators import validate_order


class MobilityExchangeQuerySet(models.QuerySet):
    def not_cancelled(self):
        return self.exclude(status=MobilityExchangeStatus.CANCELLED)

    def public(self):
        """What the public site counts and names: not cancelled, of a public partnership."""
        return self.not_cancelled().filter(partnership__is_public=True)

    def under_way(self, on=None):
        on = on or timezone.localdate()
        return (
            self.not_cancelled()
            .alias(ends_on=ends_on())
            .filter(
                Q(actual_start__lte=on) | Q(actual_start__isnull=True, planned_start__lte=on),
                ends_on__gte=on,
            )
        )


def ends_on() -> Coalesce:
    """A mobility's last day: its actual end, else its planned end, else none (open-ended, the
    last day there is). Indexed (mobility_ends_on_idx): the mobilities under way are read from
    the index over those that have not ended, not from the whole table."""
    return Coalesce(
        "actual_end", "planned_end", Value(datetime.date.max), output_field=models.DateField()
    )


class MobilityExchangeCategory(models.TextChoices):
    MASTER = "master", _("Master's student")
    PHD = "phd", _("PhD student")
    POSTDOC = "postdoc", _("Post-doctoral fellow")
    RESEARCHER = "researcher", _("Researcher")
    PHYSICIAN = "physician", _("Physician")
    RESIDENT = "resident", _("Resident")
    ENGINEER = "engineer", _("Engineer")
    STAFF = "staff", _("Staff")


class MobilityExchangeDirection(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing (from the region)")
    INCOMING = "incoming", _("Incoming (to the region)")


class MobilityExchangeStatus(models.TextChoices):
    # A mobility is feminine in French (une mobilité prévue, confirmée, terminée, annulée).
    PLANNED = "planned", pgettext_lazy("mobility status", "Planned")
    CONFIRMED = "confirmed", pgettext_lazy("mobility status", "Confirmed")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", pgettext_lazy("mobility status", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("mobility status", "Cancelled")


class MobilityExchange(TimeStampedModel):
    Category = MobilityExchangeCategory
    Direction = MobilityExchangeDirection
    Status = MobilityExchangeStatus

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mobilities",
        help_text=_("Empty when the participant is not known by name."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction)
    home_institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("home institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outgoing_mobilities",
    )
    home_team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("home team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outgoing_mobilities",
    )
    host_institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("host institution"),
        on_delete=models.PROTECT,
        related_name="incoming_mobilities",
    )
    host_team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("host team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incoming_mobilities",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mobilities",
    )
    agreement = models.ForeignKey(
        "partnerships.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mobilities",
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    funding = models.CharField(_("funding"), max_length=255, blank=True)
    funder = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_mobilities",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    description = models.TextField(_("description"), blank=True)

    objects = MobilityExchangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("mobility exchange")
        verbose_name_plural = _("mobility exchanges")
        ordering = ["-planned_start", "pk"]
        indexes = [
            models.Index(fields=["planned_start"], name="mobility_planned_start_idx"),
            missing_translation_index("mobility_missing_tr_idx", ["funding", "description"]),
            models.Index(ends_on(), name="mobility_ends_on_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True)
                | Q(planned_start__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="mobility_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_end__gte=F("actual_start")),
                name="mobility_actual_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(home_institution=F("host_institution")),
                name="mobility_home_differs_from_host",
            ),
            models.CheckConstraint(
                condition=Q(category__in=MobilityExchangeCategory.values),
                name="mobility_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(direction__in=MobilityExchangeDirection.values),
                name="mobility_direction_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MobilityExchangeStatus.values), name="mobility_status_valid"
            ),
        ]

    def __str__(self) -> str:
        who = self.person.full_name if self.person_id else self.get_category_display()
        return f"{who} → {self.host_institution}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.status == self.Status.COMPLETED:
            for name in ("actual_start", "actual_end"):
                if getattr(self, name) is None:
                    errors[name] = _("A completed mobility needs its actual dates.")
        if self.home_institution_id and self.home_institution_id == self.host_institution_id:
            errors["host_institution"] = _("The host institution must differ from the home one.")
        try:
            validate_order(self, ("planned_start", "planned_end"), ("actual_start", "actual_end"))
        except ValidationError as disordered:
            errors.update(disordered.message_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end
