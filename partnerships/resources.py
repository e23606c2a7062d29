from import_export import fields
from import_export.widgets import ManyToManyWidget

from adminkit.import_widgets import RelatedWidget, label_field
from adminkit.resources import ClaraResource, PrefetchedForeignKeyWidget
from core.languages import localized
from themes.models import ResearchTheme

from .models import Agreement, Partnership


class VisibleAgreementWidget(PrefetchedForeignKeyWidget):
    """An agreement by reference, among those the importing or exporting user may see only.

    An agreement the user may not see exports as an empty cell and cannot be named on import,
    so neither direction tells whether a confidential reference exists.
    """

    def __init__(self, **kwargs):
        super().__init__(Agreement, "reference", **kwargs)
        self.user = None

    def _visible(self):
        agreements = Agreement.objects.all()
        return agreements.visible_to(self.user) if self.user else agreements.public()

    def get_queryset(self, value, row, *args, **kwargs):
        return self._visible()

    def render(self, value, obj=None, **kwargs):
        if value is not None and not (self.user and value.is_visible_to(self.user)):
            return ""
        return super().render(value, obj, **kwargs)


class VisibleAgreementField(fields.Field):
    """Keeps a link to an agreement the user may not see when the imported cell is empty."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        current = getattr(instance, f"{self.attribute}_id", None)
        if current and not row.get(self.column_name) and current not in self._visible_ids():
            return
        super().save(instance, row, is_m2m, **kwargs)

    def _visible_ids(self) -> set[int]:
        """The agreements the user may see, read once per file (not once per row)."""
        cached = getattr(self, "_visible", None)
        if cached is None or cached[0] is not self.widget.user:
            user = self.widget.user
            ids = (
                set(Agreement.objects.visible_to(user).values_list("pk", flat=True))
                if user
                else set()
            )
            self._visible = cached = (user, ids)
        return cached[1]


class AgreementResource(ClaraResource):
    partnership = fields.Field(
        attribute="partnership",
        column_name="partnership",
        widget=RelatedWidget(Partnership, "slug", names=[*localized("name"), "acronym"]),
    )
    partnership_label = label_field("partnership")
    kind_label = label_field("kind", choice=True)
    status_label = label_field("status", choice=True)
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=ManyToManyWidget(ResearchTheme, ",", "slug"),
    )
    parties = fields.Field(column_name="parties", readonly=True)
    parties_label = fields.Field(column_name="parties_label", readonly=True)

    class Meta:
        model = Agreement
        import_id_fields = ["reference"]
        fields = [
            "reference",
            "slug",
            *localized("title"),
            "kind",
            "kind_label",
            "status",
            "status_label",
            "partnership",
            "partnership_label",
            "signed_on",
            "signed_precision",
            "start_date",
            "end_date",
            "renewal_notice_days",
            "is_confidential",
            "themes",
            *localized("summary"),
            "parties",
            "parties_label",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def dehydrate_parties(self, agreement: Agreement) -> str:
        return ", ".join(party.institution.slug for party in agreement.parties.all())

    def dehydrate_parties_label(self, agreement: Agreement) -> str:
        return "; ".join(str(party.institution) for party in agreement.parties.all())

    def get_queryset(self):
        agreements = super().get_queryset()
        return agreements.visible_to(self.user) if self.user else agreements.public()

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("parties__institution", "themes").select_related(
            "partnership"
        )
