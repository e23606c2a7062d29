from django.core.exceptions import ObjectDoesNotExist
from import_export import fields

from core.import_widgets import RelatedWidget, label_field
from core.languages import localized
from core.resources import ClaraResource
from institutions.resources import InstitutionWidget
from partnerships.models import Partnership
from partnerships.resources import VisibleAgreementField, VisibleAgreementWidget
from people.resources import PersonWidget

from .models import MobilityExchange

NATURAL_KEY = ("person", "host_institution")


def _identity(mobility, name: str):
    """The related record's id, or the identity of the unsaved one a preview made."""
    pk = getattr(mobility, f"{name}_id")
    if pk:
        return pk
    try:
        related = getattr(mobility, name)  # never a query: no id to look up
    except ObjectDoesNotExist:
        return None
    return id(related) if related is not None else None


def _related(attribute: str, widget) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=widget)


class MobilityExchangeResource(ClaraResource):
    """A mobility is found by its id or, without one, by its person, start and host: importing
    the same rows again updates them."""

    person = _related("person", PersonWidget())
    person_label = label_field("person")
    category_label = label_field("category", choice=True)
    direction_label = label_field("direction", choice=True)
    home_institution = _related("home_institution", InstitutionWidget())
    home_institution_label = label_field("home_institution")
    host_institution = _related("host_institution", InstitutionWidget())
    host_institution_label = label_field("host_institution")
    partnership = _related(
        "partnership",
        RelatedWidget(Partnership, "slug", names=[*localized("name"), "acronym"]),
    )
    partnership_label = label_field("partnership")
    agreement = VisibleAgreementField(
        attribute="agreement", column_name="agreement", widget=VisibleAgreementWidget()
    )
    funder = _related("funder", InstitutionWidget())
    funder_label = label_field("funder")
    status_label = label_field("status", choice=True)

    class Meta:
        model = MobilityExchange
        fields = [
            "id",
            "person",
            "person_label",
            "category",
            "category_label",
            "direction",
            "direction_label",
            "home_institution",
            "home_institution_label",
            "host_institution",
            "host_institution_label",
            "partnership",
            "partnership_label",
            "agreement",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            *localized("funding"),
            "funder",
            "funder_label",
            "status",
            "status_label",
            *localized("description"),
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        hosts = {
            obj.pk
            for matches in getattr(self.fields["host_institution"].widget, "_found", {}).values()
            for obj in matches
            if obj.pk
        }
        self._by_key = {}
        for mobility in self.get_queryset().filter(
            host_institution__in=hosts, person__isnull=False
        ):
            self._remember_key(mobility)

    def _remember_key(self, mobility) -> None:
        """Under its person, host and each of its start dates (planned and actual)."""
        person, host = _identity(mobility, "person"), _identity(mobility, "host_institution")
        if person is None or host is None:
            return
        for start in {mobility.planned_start, mobility.actual_start} - {None}:
            self._by_key.setdefault((person, start, host), mobility)

    def _row_keys(self, row) -> list[tuple]:
        found = []
        for name in NATURAL_KEY:
            field = self.fields[name]
            matches = field.widget.matches(str(row.get(field.column_name) or "").strip())
            if len(matches) != 1:
                return []
            found.append(matches[0].pk or id(matches[0]))
        keys = []
        for name in ("actual_start", "planned_start"):
            try:
                start = self.fields[name].clean(row)
            except (KeyError, ValueError):
                continue
            if start is not None:
                keys.append((found[0], start, found[1]))
        return keys

    def get_instance(self, instance_loader, row):
        instance = None
        if str(row.get("id") or "").strip():
            instance = super().get_instance(instance_loader, row)
        for key in self._row_keys(row) if instance is None else []:
            instance = instance or self._by_key.get(key)
        return instance

    def remember(self, instance) -> None:
        super().remember(instance)
        self._remember_key(instance)
