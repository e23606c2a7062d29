from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.collation import collated


class ResearchTheme(models.Model):
    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("research theme")
        verbose_name_plural = _("research themes")
        # By name in the page's language, as its readers sort (a few dozen themes).
        ordering = [collated("name"), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="theme_unique_slug"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="theme_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:theme-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        node, seen = self.parent, set()
        while node is not None and node.pk not in seen:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"parent": _("A theme cannot be broader than itself.")})
            seen.add(node.pk)
            node = node.parent
