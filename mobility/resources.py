from import_export import fields

from core.languages import localized
from core.resources import ClaraResource, PrefetchedForeignKeyWidget
from institutions.models import Institution
from partnerships.models import Partnership
from partnerships.resources import VisibleAgreementField, VisibleAgreementWidget
from people.models import Person

from .models import MobilityExchange


def _fk(attribute: str, model, field: str = "slug") -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=attribute, widget=PrefetchedForeignKeyWidget(model, field)
    )


class MobilityExchangeResource(ClaraResource):
    person = _fk("person", Person)
    home_institution = _fk("home_institution", Institution)
    host_institution = _fk("host_institution", Institution)
    partnership = _fk("partnership", Partnership)
    agreement = VisibleAgreementField(
        attribute="agreement", column_name="agreement", widget=VisibleAgreementWidget()
    )
    funder = _fk("funder", Institution)

    class Meta:
        model = MobilityExchange
        fields = [
            "id",
            "person",
            "category",
            "direction",
            "home_institution",
            "host_institution",
            "partnership",
            "agreement",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            *localized("funding"),
            "funder",
            "status",
            *localized("description"),
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
