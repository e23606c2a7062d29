from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.translation_status import missing_translation_index
from core.validators import validate_orcid

# Titles as staff type them (French usage) and as English pages write them.
# British usage, as "Dr": no full stop after a shortened title (Prof Jean-Yves Blay, Dr P. Mehlen).
ENGLISH_TITLES = {"Pr": "Prof", "Pr.": "Prof", "Professeur": "Prof", "Dr.": "Dr"}


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who agreed to be named on public pages."""
        return self.filter(is_public=True)

    def public_prefetch(self, lookup: str, *, to_attr: str) -> Prefetch:
        """`lookup` (a relation to people) limited to the people who agreed to be named: pages and
        the API read `to_attr` (None or the person), never the raw relation."""
        return Prefetch(lookup, queryset=self.public(), to_attr=to_attr)


class Person(models.Model):
    slug = models.SlugField(_("slug"), max_length=120)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title"), max_length=40, blank=True, help_text=_("Such as Pr, Dr."))
    role = models.CharField(_("role"), max_length=255, blank=True)
    affiliation = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("affiliation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    team = models.ForeignKey(
        "institutions.Team",
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text=_("Sixteen characters in four groups, such as 0000-0002-1825-0097."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Never shown publicly."))
    is_public = models.BooleanField(
        _("may be named publicly"),
        default=False,
        help_text=_("The person agreed to appear on public pages."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="person_name_idx"),
            missing_translation_index("person_missing_tr_idx", ["role"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="person_unique_slug"),
            models.UniqueConstraint(
                fields=["orcid"], condition=~Q(orcid=""), name="person_unique_orcid"
            ),
            models.CheckConstraint(
                condition=Q(orcid="") | Q(orcid__regex=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"),
                name="person_orcid_format",
            ),
            models.CheckConstraint(condition=~Q(last_name=""), name="person_last_name_required"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def title_display(self) -> str:
        if (get_language() or "").startswith("en"):
            return ENGLISH_TITLES.get(self.title, self.title)
        return self.title

    @property
    def full_name(self) -> str:
        parts = (self.title_display, self.first_name, self.last_name)
        return " ".join(part for part in parts if part)
