from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from themes.models import ResearchTheme

from .models import Agreement, Partnership


class AgreementResource(resources.ModelResource):
    partnership = fields.Field(
        attribute="partnership",
        column_name="partnership",
        widget=ForeignKeyWidget(Partnership, "slug"),
    )
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=ManyToManyWidget(ResearchTheme, ",", "slug"),
    )
    parties = fields.Field(column_name="parties", readonly=True)

    class Meta:
        model = Agreement
        import_id_fields = ["reference"]
        fields = [
            "reference",
            "slug",
            "title_fr",
            "title_en",
            "kind",
            "status",
            "partnership",
            "signed_on",
            "signed_precision",
            "start_date",
            "end_date",
            "renewal_notice_days",
            "is_confidential",
            "themes",
            "summary_fr",
            "summary_en",
            "parties",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def dehydrate_parties(self, agreement: Agreement) -> str:
        return ", ".join(party.institution.slug for party in agreement.parties.all())

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("parties__institution", "themes").select_related(
            "partnership"
        )
