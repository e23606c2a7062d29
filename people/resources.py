from import_export import fields

from core.languages import localized
from core.resources import ClaraResource, PrefetchedForeignKeyWidget
from institutions.models import Institution

from .models import Person


class PersonResource(ClaraResource):
    affiliation = fields.Field(
        attribute="affiliation",
        column_name="affiliation",
        widget=PrefetchedForeignKeyWidget(Institution, "slug"),
    )

    class Meta:
        model = Person
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "title",
            "first_name",
            "last_name",
            *localized("role"),
            "affiliation",
            "orcid",
            "email",
            "is_public",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
