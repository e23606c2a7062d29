from import_export import fields
from import_export.widgets import ManyToManyWidget

from core.languages import localized
from core.resources import ClaraResource, PrefetchedForeignKeyWidget
from themes.models import ResearchTheme

from .models import Institution, Team


class InstitutionResource(ClaraResource):
    parent = fields.Field(
        attribute="parent",
        column_name="parent",
        widget=PrefetchedForeignKeyWidget(Institution, "slug"),
    )

    class Meta:
        model = Institution
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *localized("name"),
            "acronym",
            "kind",
            "network_role",
            "parent",
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
        attribute="institution",
        column_name="institution",
        widget=PrefetchedForeignKeyWidget(Institution, "slug"),
    )
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
            "leader",
            "themes",
            "website",
            *localized("description"),
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
