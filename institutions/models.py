from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.validators import validate_ror_id, validate_wikidata_id


class InstitutionKind(models.TextChoices):
    # Close to the ROR organisation types.
    UNIVERSITY = "university", _("University")
    HOSPITAL = "hospital", _("Hospital")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    CLUSTER = "cluster", _("Cancer cluster or competitiveness pole")
    COMPANY = "company", _("Company")
    FUNDING_AGENCY = "funding_agency", _("Funding agency")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Network or consortium")
    OTHER = "other", _("Other")


class InstitutionNetworkRole(models.TextChoices):
    REGIONAL_MEMBER = "regional_member", _("CLARA regional member")
    FOREIGN_PARTNER = "foreign_partner", _("Foreign partner")
    OTHER = "other", _("Other (national, European, support)")


class Institution(models.Model):
    Kind = InstitutionKind
    NetworkRole = InstitutionNetworkRole

    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.RESEARCH_INSTITUTE)
    network_role = models.CharField(
        _("place in the CLARA network"),
        max_length=20,
        choices=NetworkRole,
        default=NetworkRole.FOREIGN_PARTNER,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    ror_id = models.CharField(
        _("ROR identifier"),
        max_length=9,
        blank=True,
        validators=[validate_ror_id],
        help_text=_("Nine characters from ror.org, such as 03vek6s52."),
    )
    wikidata_id = models.CharField(
        _("Wikidata identifier"), max_length=20, blank=True, validators=[validate_wikidata_id]
    )

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="institution_unique_slug"),
            models.UniqueConstraint(
                fields=["ror_id"], condition=~Q(ror_id=""), name="institution_unique_ror_id"
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="institution_unique_wikidata_id",
            ),
            models.CheckConstraint(
                condition=Q(ror_id="") | Q(ror_id__regex=r"^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$"),
                name="institution_ror_id_format",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="institution_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="institution_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="institution_coordinates_together",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="institution_not_own_parent"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InstitutionKind.values), name="institution_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(network_role__in=InstitutionNetworkRole.values),
                name="institution_network_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:institution-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if (
            self.pk
            and self.parent_id
            and (self.parent_id == self.pk or self.pk in {a.pk for a in self.parent.ancestors()})
        ):
            raise ValidationError(
                {"parent": _("An institution cannot be placed inside itself or its own units.")}
            )

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def ancestors(self) -> list["Institution"]:
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain


class Team(models.Model):
    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="teams",
    )
    leader = models.ForeignKey(
        "people.Person",
        verbose_name=_("team leader"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_teams",
    )
    themes = models.ManyToManyField(
        "themes.ResearchTheme", verbose_name=_("research themes"), blank=True, related_name="teams"
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="team_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:team-detail", kwargs={"slug": self.slug})
