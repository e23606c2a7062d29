"""The field's vocabulary: concepts with their terms in French and English (synonyms,
abbreviations, common misspellings), broader/narrower links and the research themes they
belong to. The partner search expands a query through it (thesaurus.selectors)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import fold

STAFF_CURATED = "staff-curated"


def normalize(text: str) -> str:
    """What a term is matched by: folded (lower case, no accents), words separated by one
    space: "Carcinome  hépato-cellulaire" -> "carcinome hepato cellulaire"."""
    return " ".join(re.findall(r"\w+", fold(text)))


class TermLanguage(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")
    ANY = "any", _("Any language")


class TermKind(models.TextChoices):
    PREFERRED = "preferred", _("Preferred term")
    SYNONYM = "synonym", _("Synonym")
    ABBREVIATION = "abbreviation", _("Abbreviation")
    MISSPELLING = "misspelling", _("Common misspelling")


class Concept(models.Model):
    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("preferred term"), max_length=200)  # name_fr, name_en
    scope_note = models.TextField(_("scope note"), blank=True)
    broader = models.ManyToManyField(
        "self",
        verbose_name=_("broader concepts"),
        symmetrical=False,
        related_name="narrower",
        blank=True,
    )
    themes = models.ManyToManyField(
        "themes.ResearchTheme",
        verbose_name=_("research themes"),
        related_name="concepts",
        blank=True,
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        default=STAFF_CURATED,
        help_text=_("Where the terms come from: “staff-curated”, or the reference used."),
    )

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="concept_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    Language = TermLanguage
    Kind = TermKind

    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="terms"
    )
    text = models.CharField(_("term"), max_length=200)
    language = models.CharField(
        _("language"), max_length=3, choices=TermLanguage, default=TermLanguage.ANY
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TermKind, default=TermKind.SYNONYM)
    # Matched by the search (a b-tree index here; a trigram index on PostgreSQL, migration 0002).
    normalized = models.CharField(_("normalized form"), max_length=200, editable=False)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["concept", "kind", "text"]
        indexes = [models.Index(fields=["normalized"], name="term_normalized")]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "normalized"], name="term_unique_per_concept"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=TermLanguage.values), name="term_language_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=TermKind.values), name="term_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.normalized = normalize(self.text)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.normalized = normalize(self.text)
        if not self.normalized:
            raise ValidationError({"text": _("A term needs at least one letter or digit.")})
