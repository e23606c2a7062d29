"""Reports funders ask for: definitions per funder, frozen editions, and each partnership's
narrative of the year. The figures themselves are computed in selectors.py."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import TimeStampedModel
from core.validators import validate_order
from partnerships.models import can_see_confidential


class Section(models.TextChoices):
    """The figure sections a report may hold (selectors.SECTIONS computes each)."""

    MOBILITY = "mobility", _("Mobility")
    AGREEMENTS = "agreements", _("Agreements")
    EVENTS = "events", _("Events")
    PARTNERS = "partners", _("Partners by country")
    NARRATIVES = "narratives", _("Highlights of the year")


class PeriodKind(models.TextChoices):
    CALENDAR = "calendar", _("Calendar year")
    ACADEMIC = "academic", _("Academic year (September–August)")
    DATES = "dates", _("Any dates")


def validate_sections(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one section."), code="sections")
    unknown = [item for item in value if item not in Section.values]
    if unknown:
        raise ValidationError(
            _("Unknown sections: %(sections)s.") % {"sections": ", ".join(map(str, unknown))},
            code="sections",
        )


class ReportDefinition(TimeStampedModel):
    """What a funder asks for: its sections and filters; editions are generated from it."""

    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    funder_name = models.CharField(_("funder"), max_length=200, blank=True)
    sections = models.JSONField(
        _("sections"), default=list, validators=[validate_sections], help_text=_("In this order.")
    )
    period_kind = models.CharField(
        _("usual period"), max_length=10, choices=PeriodKind, default=PeriodKind.CALENDAR
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)
    theme = models.ForeignKey(
        "themes.ResearchTheme",
        verbose_name=_("research theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    funder = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("funding institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Only what this institution funds (mobilities, partnerships it funds)."),
    )

    class Meta:
        verbose_name = _("report definition")
        verbose_name_plural = _("report definitions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="reportdefinition_unique_slug"),
            models.CheckConstraint(
                condition=Q(period_kind__in=PeriodKind.values),
                name="reportdefinition_period_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def filters(self) -> dict:
        """The definition's filters as the figures take them (primary keys and codes)."""
        return {
            "partnership": self.partnership_id,
            "country": str(self.country or ""),
            "theme": self.theme_id,
            "funder": self.funder_id,
        }

    def snapshot(self) -> dict:
        """What the definition was when an edition was generated (kept with the edition)."""
        from core.languages import localized

        return {
            "pk": self.pk,
            "slug": self.slug,
            "names": {name: getattr(self, name) for name in localized("name")},
            "funder_name": self.funder_name,
            "sections": list(self.sections),
            "filters": self.filters(),
        }


class ReportEditionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An edition counted confidential agreements when its author could see them: only
        those who may see them may open it."""
        if can_see_confidential(user):
            return self
        return self.filter(includes_confidential=False)


class FrozenEditionError(Exception):
    """An edition is never changed once generated."""


class ReportEdition(models.Model):
    """The figures of a definition for a period, computed once and never changed."""

    definition = models.ForeignKey(
        ReportDefinition,
        verbose_name=_("report definition"),
        on_delete=models.PROTECT,
        related_name="editions",
    )
    number = models.PositiveIntegerField(_("edition number"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    in_force_on = models.DateField(_("agreements in force on"))
    generated_at = models.DateTimeField(_("generated at"), auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("generated by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    includes_confidential = models.BooleanField(_("counts confidential agreements"))
    definition_snapshot = models.JSONField(_("definition when generated"))
    figures = models.JSONField(_("figures"))
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)

    objects = ReportEditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report edition")
        verbose_name_plural = _("report editions")
        ordering = ["definition", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "number"], name="reportedition_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="reportedition_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        period = f"{self.period_start:%Y-%m-%d}…{self.period_end:%Y-%m-%d}"
        return f"{self.definition} – {period} (#{self.number})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise FrozenEditionError("A report edition never changes once generated.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reports:edition", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        validate_order(self, ("period_start", "period_end"))


class PartnershipNarrative(TimeStampedModel):
    """The year's highlights of a partnership, written by staff, quoted in the reports."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="narratives",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    highlights = models.TextField(_("highlights of the year"))

    class Meta:
        verbose_name = _("partnership narrative")
        verbose_name_plural = _("partnership narratives")
        ordering = ["-year", "partnership"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year"], name="narrative_unique_partnership_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="narrative_year_plausible"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} – {self.year}"
