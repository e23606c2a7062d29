import re

from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields
from import_export.widgets import ManyToManyWidget

from adminkit.import_widgets import RelatedWidget, label_field
from adminkit.resources import ClaraResource, PrefetchedForeignKeyWidget
from core.languages import localized
from core.text import fold
from core.typography import typography
from themes.models import ResearchTheme

from .models import Institution, Team
from .resolver import resolve_affiliation

ROR_ID = re.compile(r"^(?:https?://ror\.org/)?(0[0-9a-z]{8})$", re.IGNORECASE)
MAX_ALIAS_LOOKUPS = 100


def ror_id_of(text: str) -> str:
    """`03vek6s52` from `03vek6s52` or `https://ror.org/03vek6s52`; else ""."""
    match = ROR_ID.match(text.strip())
    return match.group(1).lower() if match else ""


class InstitutionWidget(RelatedWidget):
    """An institution by its slug, its ROR identifier (bare or as a ror.org address), its name
    in either language, its acronym or one of its ROR aliases, ignoring case and accents."""

    def __init__(self, **kwargs):
        super().__init__(Institution, "slug", names=[*localized("name"), "acronym"], **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        return Institution.objects.defer("ror_record")

    def candidates(self, values: set[str]):
        exact = list(super().candidates(values))
        rors = {ror_id_of(value) for value in values} - {""}
        exact += Institution.objects.defer("ror_record").filter(ror_id__in=rors)
        named = {key for obj in exact for key in self.keys(obj)}
        unnamed = sorted({fold(value) for value in values} - named)[:MAX_ALIAS_LOOKUPS]
        if unnamed:  # an alias of ROR's, in its list of every name (a few distinct values)
            condition = Q()
            for text in unnamed:
                condition |= Q(ror_names__contains=text)
            exact += self.get_queryset(None, None).filter(condition)
        return exact

    def keys(self, obj) -> set[str]:
        keys = super().keys(obj)
        if obj.ror_id:
            keys |= {obj.ror_id, f"https://ror.org/{obj.ror_id}"}
        return keys | ({n.strip() for n in (obj.ror_names or "").split(" | ")} - {""})

    def is_key(self, obj, text: str) -> bool:
        return super().is_key(obj, text) or (bool(obj.ror_id) and obj.ror_id == ror_id_of(text))

    def missing(self, text: str, row=None, **kwargs):
        """No key, name or alias: an affiliation as written ("Dept. of Medicine, Univ. Claude
        Bernard Lyon 1, France") names the organisation the resolver chooses; when it chooses
        none, the error lists its best candidates."""
        candidates = resolve_affiliation(text)
        chosen = next((c for c in candidates if c.chosen), None)
        if chosen is not None:
            found = self.get_queryset(None, None).filter(pk=chosen.institution_id).first()
            if found is not None:
                return found
        if candidates:
            message = _("no institution is known by this key or name. It may be: %(candidates)s.")
            names = "; ".join(f"{c.name} ({c.slug})" for c in candidates[:3])
            raise ValueError(typography(message % {"candidates": names}))
        return super().missing(text, row, **kwargs)


class InstitutionResource(ClaraResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=InstitutionWidget())
    parent_label = label_field("parent")
    kind_label = label_field("kind", choice=True)
    network_role_label = label_field("network_role", choice=True)

    class Meta:
        model = Institution
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *localized("name"),
            "acronym",
            "kind",
            "kind_label",
            "network_role",
            "network_role_label",
            "parent",
            "parent_label",
            "country",
            *localized("city"),
            "latitude",
            "longitude",
            "website",
            "founded_year",
            "ror_id",
            "wikidata_id",
            *localized("description"),
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class TeamResource(ClaraResource):
    institution = fields.Field(
        attribute="institution", column_name="institution", widget=InstitutionWidget()
    )
    institution_label = label_field("institution")
    leader = fields.Field(
        attribute="leader",
        column_name="leader",
        widget=PrefetchedForeignKeyWidget(Team.leader.field.related_model, "slug"),
    )
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=ManyToManyWidget(ResearchTheme, ",", "slug"),
    )

    class Meta:
        model = Team
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *localized("name"),
            "institution",
            "institution_label",
            "leader",
            "themes",
            "website",
            *localized("description"),
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
