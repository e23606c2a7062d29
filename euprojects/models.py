"""EU research projects (CORDIS) and the institutions of the directory taking part in them."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

# CORDIS writes a few countries with codes that are not ISO 3166 ones.
CORDIS_COUNTRIES = {"UK": "GB", "EL": "GR"}


def iso_country(code: str) -> str:
    code = (code or "").strip().upper()
    return CORDIS_COUNTRIES.get(code, code)


class ProjectStatus(models.TextChoices):
    SIGNED = "SIGNED", _("Signed")
    CLOSED = "CLOSED", _("Closed")
    TERMINATED = "TERMINATED", _("Terminated")
    SUSPENDED = "SUSPENDED", _("Suspended")
    OTHER = "", _("Not stated")


class ProjectQuerySet(models.QuerySet):
    def with_clara_partner(self, institution) -> "ProjectQuerySet":
        """Projects in which `institution` and a CLARA member (another one) both take part."""
        clara = (
            Participation.objects.clara()
            .filter(project=OuterRef("pk"))
            .exclude(institution=institution)
        )
        return self.filter(participations__institution=institution).filter(Exists(clara))


class Project(TimeStampedModel):
    """A project as CORDIS publishes it (the `project` file): its words are CORDIS's own."""

    Status = ProjectStatus

    cordis_id = models.CharField(_("CORDIS identifier"), max_length=20)
    acronym = models.CharField(_("acronym"), max_length=100)
    title = models.CharField(_("title"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, blank=True)
    framework_programme = models.CharField(_("framework programme"), max_length=20)
    call = models.CharField(_("call"), max_length=120, blank=True)
    topic = models.CharField(_("topic"), max_length=255, blank=True)
    funding_scheme = models.CharField(_("funding scheme"), max_length=60, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    total_cost = models.DecimalField(
        _("total cost (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    eu_contribution = models.DecimalField(
        _("EU contribution (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    rcn = models.PositiveIntegerField(_("CORDIS record number"), null=True, blank=True)
    source_hash = models.CharField(_("CORDIS row hash"), max_length=32, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("EU project")
        verbose_name_plural = _("EU projects")
        ordering = [models.F("start_date").desc(nulls_last=True), "acronym"]
        indexes = [models.Index(fields=["start_date", "id"], name="euproject_start_idx")]
        constraints = [
            models.UniqueConstraint(fields=["cordis_id"], name="euproject_unique_cordis_id"),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} ({self.framework_programme} {self.cordis_id})"

    @property
    def cordis_url(self) -> str:
        return f"https://cordis.europa.eu/project/id/{self.cordis_id}"


class ParticipationRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTICIPANT = "participant", _("Participant")
    PARTNER = "partner", _("Partner")
    THIRD_PARTY = "thirdParty", _("Third party")
    ASSOCIATED = "associatedPartner", _("Associated partner")
    INTERNATIONAL = "internationalPartner", _("International partner")


class ParticipationQuerySet(models.QuerySet):
    def clara(self) -> "ParticipationQuerySet":
        """Participations of CLARA's (regional) members."""
        member = self.model._meta.get_field("institution").related_model.NetworkRole
        return self.filter(institution__network_role=member.REGIONAL_MEMBER)

    def unmatched(self) -> "ParticipationQuerySet":
        return self.filter(institution__isnull=True)


class Participation(models.Model):
    """An organisation taking part in a project (a row of the `organization` file), as
    published; `institution` once it is matched to the directory."""

    Role = ParticipationRole

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="participations"
    )
    organisation_id = models.CharField(_("CORDIS organisation (PIC)"), max_length=40)
    role = models.CharField(_("role"), max_length=30, choices=Role)
    order = models.PositiveIntegerField(_("order"), null=True, blank=True)
    name = models.CharField(_("name as published"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    country = models.CharField(_("country as published"), max_length=2, blank=True)
    activity_type = models.CharField(_("activity type"), max_length=10, blank=True)
    ec_contribution = models.DecimalField(
        _("EU contribution (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eu_participations",
    )
    source_hash = models.CharField(_("CORDIS row hash"), max_length=32, editable=False)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("EU project participation")
        verbose_name_plural = _("EU project participations")
        ordering = ["project", "order", "pk"]
        indexes = [
            models.Index(fields=["institution", "project"], name="euparticipation_inst_idx"),
            models.Index(fields=["organisation_id"], name="euparticipation_pic_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation_id", "role"], name="euparticipation_unique"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ParticipationRole.values), name="euparticipation_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.project.acronym}"

    @property
    def iso_country(self) -> str:
        return iso_country(self.country)


class OrganisationMatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class OrganisationMatchQuerySet(models.QuerySet):
    def to_review(self) -> "OrganisationMatchQuerySet":
        return self.filter(status=OrganisationMatchStatus.PROPOSED)

    def with_participations(self) -> "OrganisationMatchQuerySet":
        same = Participation.objects.filter(organisation_id=OuterRef("organisation_id"))
        return self.annotate(
            participation_count=models.Subquery(
                same.order_by().values("organisation_id").annotate(n=Count("pk")).values("n")[:1]
            )
        )


class OrganisationMatch(models.Model):
    """A CORDIS organisation (by its PIC) and the institution proposed for it by the import's
    matching: accepted ones link every participation of the organisation; an organisation the
    matching found nothing for is listed with no institution, for a reviewer to choose one."""

    Status = OrganisationMatchStatus

    organisation_id = models.CharField(_("CORDIS organisation (PIC)"), max_length=40)
    name = models.CharField(_("name as published"), max_length=500)
    country = models.CharField(_("country as published"), max_length=2, blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("proposed institution"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="eu_organisation_matches",
    )
    confidence = models.DecimalField(_("confidence"), max_digits=4, decimal_places=3, default=0)
    reasons = models.CharField(_("why"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PROPOSED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    objects = OrganisationMatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("EU participant match")
        verbose_name_plural = _("EU participant matches")
        ordering = ["status", "-confidence", "pk"]
        indexes = [models.Index(fields=["organisation_id"], name="euorgmatch_pic_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_id", "institution"],
                name="euorgmatch_unique_institution",
            ),
            models.UniqueConstraint(
                fields=["organisation_id"],
                condition=Q(institution__isnull=True),
                name="euorgmatch_unique_unmatched",
            ),
            models.CheckConstraint(
                condition=Q(status__in=OrganisationMatchStatus.values),
                name="euorgmatch_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="euorgmatch_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        target = self.institution or _("no candidate")
        return f"{self.name} ({self.country}) → {target}"
