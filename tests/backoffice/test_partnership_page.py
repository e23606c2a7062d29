"""A partnership's admin page lists its agreements, mobilities and events (the first few,
then a link to all)."""

import pytest

from backoffice.roles import VIEWER
from tests.factories import (
    AgreementFactory,
    EventFactory,
    MobilityExchangeFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db


def test_the_partnership_page_lists_agreements_mobilities_and_events(role_client):
    partnership = PartnershipFactory()
    agreements = [AgreementFactory(partnership=partnership) for _ in range(7)]
    secret = AgreementFactory(partnership=partnership, is_confidential=True, reference="SECRET-1")
    mobility = MobilityExchangeFactory(partnership=partnership)
    EventFactory(partnership=partnership, title_fr="Symposium de Lyon")
    client = role_client(VIEWER)
    page = client.get(f"/admin/partnerships/partnership/{partnership.pk}/change/").content.decode()

    shown = [a for a in agreements if f"/admin/partnerships/agreement/{a.pk}/change/" in page]
    assert len(shown) == 5
    assert "SECRET-1" not in page
    assert f"partnership__id__exact={partnership.pk}" in page  # the link to all of them
    assert "Symposium de Lyon" in page
    assert f"/admin/mobility/mobilityexchange/{mobility.pk}/change/" in page
    assert f"/admin/partnerships/agreement/{secret.pk}/change/" not in page
