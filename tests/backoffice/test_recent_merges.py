"""A ROR directory row merged into a CLARA institution reads as a merge, not a deletion."""

import pytest

from backoffice.selectors import recent_changes
from institutions.models import Institution
from institutions.services import link_to_ror
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_a_merge_is_not_shown_as_a_deletion(django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-1-Lyon")
    clara = InstitutionFactory(
        name_fr="Université de Heidelberg", name_en="Universität Heidelberg", source="clara"
    )
    InstitutionFactory(
        name_fr="Heidelberg University",
        name_en="Heidelberg University",
        source=Institution.Source.ROR,
        ror_id="038t36y30",
    )
    link_to_ror(institution=clara, ror_id="038t36y30")

    merged = [c for c in recent_changes(user=user) if c.label == "Heidelberg University"]
    actions = [c.action for c in merged]
    assert actions == ["Merged into Universität Heidelberg", "Created"]
