from django.core.exceptions import ObjectDoesNotExist
from import_export import fields

from adminkit.import_widgets import RelatedWidget, label_field
from adminkit.resources import ClaraResource
from core.languages import localized
from institutions.resources import InstitutionWidget
from partnerships.models import Partnership
from partnerships.resources import VisibleAgreementField, VisibleAgreementWidget
from people.resources import PersonWidget

from .models import MobilityExchange

KEY_COLUMNS = (
    "person",
    "host_institution",
    "planned_start",
    "actual_start",
    "category",
    "direction",
    "partnership",
)


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
    """A mobility is found by its id or, without one, by its person, start and host (an
    anonymous one, without a person, by its host, start, category, direction and partnership):
    importing the same rows again updates them."""

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
        # The keys of the stored mobilities at the file's hosts, as plain values: the records
        # themselves are read only for the rows that find one, in one query.
        self._by_key, self._anonymous = {}, {}
        stored = self._meta.model.objects.filter(host_institution__in=hosts).values_list(
            "pk", *KEY_COLUMNS
        )
        named = {str(v).strip() for v in (dataset["id"] if "id" in (dataset.headers or []) else [])}
        for pk, *values in stored.order_by("pk").iterator(chunk_size=5_000):
            if str(pk) not in named:  # a row names it by its id: no other row may claim it
                self._remember_key(pk, dict(zip(KEY_COLUMNS, values, strict=True)))
        found = {}
        for number, row in enumerate(dataset.dict, 1):
            if not str(row.get("id") or "").strip():
                found[number] = self._find(row)
        wanted = sorted({pk for pk in found.values() if pk is not None})
        self._loaded = {}
        queryset = self.get_queryset()
        for start in range(0, len(wanted), 5_000):
            self._loaded.update(queryset.in_bulk(wanted[start : start + 5_000]))
        self._found_rows = {number: self._loaded.get(pk) for number, pk in found.items()}

    def import_row(self, row, instance_loader, **kwargs):
        self._number = kwargs.get("row_number", 0)
        return super().import_row(row, instance_loader, **kwargs)

    def _remember_key(self, instance, values: dict) -> None:
        """A mobility under its person, host and each of its start dates (planned and actual);
        an anonymous one (no person) under its host, start, category, direction and
        partnership, as often as such mobilities are stored (each row finds one of them)."""
        host = values["host_institution"]
        if host is None:
            return
        for start in {values["planned_start"], values["actual_start"]} - {None}:
            if values["person"] is not None:
                self._by_key.setdefault((values["person"], start, host), instance)
            else:
                key = (host, start, values["category"], values["direction"], values["partnership"])
                claims = self._anonymous.setdefault(key, [])
                if instance not in claims:
                    claims.append(instance)

    def _row_keys(self, row) -> tuple[list[tuple], list[tuple]]:
        """The keys a row may be found by: with a person, and without one."""
        found = {}
        for name in ("person", "host_institution", "partnership"):
            field = self.fields[name]
            text = str(row.get(field.column_name) or "").strip()
            if not text:
                found[name] = None
                continue
            matches = field.widget.matches(text)
            if len(matches) != 1:
                return [], []
            found[name] = matches[0].pk or id(matches[0])
        if found["host_institution"] is None:
            return [], []
        starts = []
        for name in ("actual_start", "planned_start"):
            try:
                start = self.fields[name].clean(row)
            except (KeyError, ValueError):
                continue
            if start is not None:
                starts.append(start)
        if found["person"] is not None:
            return [(found["person"], start, found["host_institution"]) for start in starts], []
        choices = []
        for name in ("category", "direction"):
            try:
                choices.append(self.fields[name].clean(row))
            except (KeyError, ValueError):
                return [], []
        anonymous = [
            (found["host_institution"], start, *choices, found["partnership"]) for start in starts
        ]
        return [], anonymous

    def _find(self, row):
        """The stored mobility a row without an id names, if any (its id, or a record that an
        earlier row of the file creates); an anonymous one is claimed by one row only."""
        named, anonymous = self._row_keys(row)
        for key in named:
            if key in self._by_key:
                return self._by_key[key]
        for key in anonymous:
            claims = self._anonymous.get(key)
            if claims:
                return claims.pop(0)
        return None

    def get_instance(self, instance_loader, row):
        if str(row.get("id") or "").strip():
            return super().get_instance(instance_loader, row)
        found = self._found_rows.get(self._number)
        if found is None:  # a mobility that an earlier row of the file creates, say
            named, _anonymous = self._row_keys(row)
            found = next((self._by_key[key] for key in named if key in self._by_key), None)
        return self._loaded.get(found, found) if isinstance(found, int) else found

    def remember(self, instance) -> None:
        super().remember(instance)
        if instance.person_id is not None or instance.person is not None:
            self._remember_key(
                instance,
                {
                    "person": _identity(instance, "person"),
                    "host_institution": _identity(instance, "host_institution"),
                    "planned_start": instance.planned_start,
                    "actual_start": instance.actual_start,
                },
            )
