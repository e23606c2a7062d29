"""A renewal is a draft: it stays off the public site until staff publish it (issue 19, 22)."""

import pytest
from django.test import Client

from backoffice.roles import AGREEMENTS_MANAGER
from partnerships.models import Agreement
from tests import factories as f
from tests.helpers import whole_sitemap

pytestmark = pytest.mark.django_db


def public_places(visitor: Client, agreement: Agreement) -> dict[str, bool]:
    """Where a visitor finds the agreement."""
    page = f"/en/collaborations/agreements/{agreement.slug}/"
    collaboration = visitor.get(f"/en/collaborations/{agreement.partnership.slug}/")
    listed = visitor.get("/api/agreements/").json()["results"]
    return {
        "page": visitor.get(page).status_code == 200,
        "collaboration": page in collaboration.content.decode(),
        "api": agreement.reference in {item["reference"] for item in listed},
        "api detail": visitor.get(f"/api/agreements/{agreement.slug}/").status_code == 200,
        "sitemap": page in whole_sitemap(visitor),
    }


def test_a_renewal_is_public_only_once_staff_publish_it(role_client):
    old = f.AgreementFactory(
        reference="WIS-2018", slug="wis-2018", status=Agreement.Status.IN_FORCE
    )
    party = f.AgreementPartyFactory(agreement=old)
    staff = role_client(AGREEMENTS_MANAGER)

    done = staff.post(
        f"/admin/partnerships/agreement/{old.pk}/renew/",
        {"reference": "WIS-2023", "slug": "wis-2023", "parties": [party.institution_id]},
        follow=True,
    )

    assert "stays off the public site until you tick" in done.content.decode()
    renewal = Agreement.objects.get(reference="WIS-2023")
    assert not renewal.is_public
    visitor = Client()
    assert public_places(visitor, renewal) == dict.fromkeys(public_places(visitor, old), False)
    assert all(public_places(visitor, old).values())
    form = staff.get(f"/admin/partnerships/agreement/{renewal.pk}/change/").content.decode()
    assert 'name="is_public"' in form

    renewal.is_public = True  # what ticking "shown on the public site" saves
    renewal.save()
    assert all(public_places(visitor, renewal).values())
