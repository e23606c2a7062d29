"""Partner contacts: staff keep them with an exchange log; they never reach a public page, a
search result, a feed or the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from backoffice.roles import EDITOR
from contacts.models import ContactExchange, PartnerContact
from tests import factories as f
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zhang Secretcontact"
SECRET_EMAIL = "zhang.secret@example.cn"


@pytest.fixture
def contact_everywhere():
    team = f.TeamFactory(slug="gao-lab", name_en="Gao liver team")
    partnership = f.PartnershipFactory(slug="shanghai", name_en="Shanghai programme")
    f.PartnershipMemberFactory(partnership=partnership, institution=team.institution)
    for where in ({"institution": team.institution}, {"partnership": partnership}):
        PartnerContact.objects.create(
            name=SECRET_NAME,
            email=SECRET_EMAIL,
            phone="+86 21 5555 0000",
            role="scientific_lead",
            agreed_to_publication=True,
            agreed_on=datetime.date(2026, 1, 5),
            **where,
        )
    return team, partnership


def test_contacts_never_reach_public_pages_search_or_api(client, contact_everywhere):
    team, partnership = contact_everywhere
    institution = team.institution
    addresses = [
        f"/en/institutions/teams/{team.slug}/",
        f"/en/institutions/{institution.slug}/",
        f"/en/collaborations/{partnership.slug}/",
        "/en/search/?q=Secretcontact",
        "/en/search/?q=liver",
        "/en/search/export.csv?q=liver",
        "/en/search/?q=Gao&type=institutions",
        f"/en/introductions/team/{team.slug}/",
        f"/api/institutions/{institution.pk}/",
        f"/api/teams/{team.pk}/",
        f"/api/collaborations/{partnership.slug}/",
        "/api/institutions/",
        "/sitemap.xml",
    ]
    for address in addresses:
        response = client.get(address)
        body = b"".join(response) if response.streaming else response.content
        text = body.decode()
        assert SECRET_NAME not in text, address
        assert SECRET_EMAIL not in text, address
        assert "5555 0000" not in text, address


def test_a_contact_belongs_somewhere_and_consent_has_a_date():
    contact = PartnerContact(name="Nowhere")
    with pytest.raises(ValidationError):
        contact.full_clean()
    contact = PartnerContact(
        name="Agreed", institution=f.InstitutionFactory(), agreed_to_publication=True
    )
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "agreed_on" in error.value.message_dict


def test_staff_log_an_exchange_and_are_named_as_its_author(role_client, make_staff):
    contact = PartnerContact.objects.create(name="Li Wei", institution=f.InstitutionFactory())
    client = role_client(EDITOR)
    url = f"/admin/contacts/partnercontact/{contact.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(
        {
            "exchanges-0-date": "2026-11-30",
            "exchanges-0-summary": "Call about the 2027 summer school.",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    exchange = ContactExchange.objects.get()
    assert exchange.by.username == "staff-editor"
    assert exchange.summary == "Call about the 2027 summer school."
