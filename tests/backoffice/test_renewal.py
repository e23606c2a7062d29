"""Renewing an agreement from its page (or the dashboard): a form prefilled with the successor's
reference, titles, dates and parties; the predecessor's renewal is then in progress, which its
page says."""

import datetime
import re

import pytest

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from partnerships.models import Agreement
from partnerships.selectors import renewal_defaults
from tests.factories import AgreementFactory, AgreementPartyFactory, InstitutionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def agreement():
    old = AgreementFactory(
        reference="WIS-2018",
        title_fr="Accord Weizmann",
        title_en="Weizmann agreement",
        status=Agreement.Status.IN_FORCE,
        start_date=D(2018, 3, 8),
        end_date=D(2023, 3, 7),
        renewal_notice_days=90,
    )
    for name in ("Weizmann Institute", "Cancéropôle CLARA"):
        AgreementParty = AgreementPartyFactory._meta.model
        AgreementParty.objects.create(
            agreement=old, institution=InstitutionFactory(name_en=name, name_fr=name)
        )
    return old


def renew_page(agreement) -> str:
    return f"/admin/partnerships/agreement/{agreement.pk}/renew/"


def test_the_successor_starts_the_day_after_for_as_long(agreement):
    defaults = renewal_defaults(agreement)
    assert (defaults["reference"], defaults["slug"]) == ("WIS-2023", "wis-2023")
    assert (defaults["start_date"], defaults["end_date"]) == (D(2023, 3, 8), D(2028, 3, 7))
    assert (defaults["title_fr"], defaults["title_en"]) == ("Accord Weizmann", "Weizmann agreement")
    assert defaults["parties"] == list(
        agreement.parties.order_by("position", "pk").values_list("institution_id", flat=True)
    )
    undated = AgreementFactory(reference="MOU-A", start_date=None, end_date=None)
    assert renewal_defaults(undated)["reference"] == "MOU-A-R"
    odd = AgreementFactory(reference="X", start_date=D(2020, 1, 10), end_date=D(2020, 2, 20))
    assert (renewal_defaults(odd)["start_date"], renewal_defaults(odd)["end_date"]) == (
        D(2020, 2, 21),
        D(2020, 4, 2),  # 41 days later, as the first ran
    )


def test_the_agreement_page_offers_renewal_and_shows_the_notice_date(role_client, agreement):
    client = role_client(AGREEMENTS_MANAGER)
    page = client.get(f"/admin/partnerships/agreement/{agreement.pk}/change/").content.decode()
    assert f'href="{renew_page(agreement)}"' in page
    assert "Renewal notice due by" in page
    # The value shown read-only under its label (no other label in between).
    notice = (
        r"Renewal notice due by:?\s*</label>(?:(?!</label>).)*?"
        r'class="readonly[^"]*">7 December 2022<'
    )
    assert re.search(notice, page, re.S)  # 90 days before 7 March 2023


def test_the_renewal_form_is_prefilled(role_client, agreement):
    page = role_client(AGREEMENTS_MANAGER).get(renew_page(agreement)).content.decode()
    assert 'value="WIS-2023"' in page
    assert 'value="Weizmann agreement"' in page
    assert re.search(r'name="start_date"[^>]*value="08/03/2023"', page)
    assert re.search(r'name="end_date"[^>]*value="07/03/2028"', page)
    for party in agreement.parties.all():
        assert re.search(rf'<option value="{party.institution_id}" selected', page)


def test_saving_the_renewal_puts_the_renewal_in_progress(role_client, agreement):
    client = role_client(AGREEMENTS_MANAGER)
    kept = agreement.parties.order_by("position", "pk").first().institution
    added = InstitutionFactory(name_en="Heidelberg University")
    response = client.post(
        renew_page(agreement),
        {
            "reference": "WIS-2023b",
            "slug": "",
            "title_fr": "Accord Weizmann (renouvelé)",
            "title_en": "",
            "start_date": "2023-03-08",
            "end_date": "2026-03-07",
            "parties": [kept.pk, added.pk],
        },
        follow=True,
    )
    successor = Agreement.objects.get(reference="WIS-2023b")
    assert response.redirect_chain[-1][0] == f"/admin/partnerships/agreement/{successor.pk}/change/"
    assert "whose renewal is now in progress" in response.content.decode()
    assert (successor.slug, successor.status, successor.is_public) == ("wis-2023b", "draft", False)
    assert (successor.title_fr, successor.title_en) == (
        "Accord Weizmann (renouvelé)",
        "Weizmann agreement",
    )
    assert (successor.start_date, successor.end_date) == (D(2023, 3, 8), D(2026, 3, 7))
    assert [p.institution for p in successor.parties.order_by("position")] == [kept, added]
    assert "Renewal of WIS-2018 (In force)" in response.content.decode()

    agreement.refresh_from_db()
    assert agreement.successor == successor
    page = client.get(f"/admin/partnerships/agreement/{agreement.pk}/change/").content.decode()
    assert "Renewal in progress: WIS-2023b (Draft)" in page
    assert renew_page(agreement) not in page  # renewed once
    again = client.get(renew_page(agreement), follow=True)
    assert "already been renewed" in again.content.decode()


def test_a_taken_reference_is_an_error_next_to_it(role_client, agreement):
    AgreementFactory(reference="WIS-2023")
    client = role_client(AGREEMENTS_MANAGER)
    party = agreement.parties.first().institution_id
    response = client.post(renew_page(agreement), {"reference": "WIS-2023", "parties": [party]})
    assert response.status_code == 200
    assert "this Reference already exists" in response.content.decode()
    partyless = client.post(renew_page(agreement), {"reference": "WIS-2030"}).content.decode()
    assert re.search(r'field-parties errors">\s*<ul class="errorlist"', partyless)
    assert Agreement.objects.get(pk=agreement.pk).successor is None


@pytest.mark.parametrize("role", [VIEWER, EDITOR])
def test_only_those_who_may_add_agreements_renew(role_client, agreement, role):
    client = role_client(role)
    assert client.get(renew_page(agreement)).status_code == 403
    assert client.post(renew_page(agreement), {"reference": "WIS-2023"}).status_code == 403
    change = client.get(f"/admin/partnerships/agreement/{agreement.pk}/change/")
    assert renew_page(agreement) not in change.content.decode()


def test_a_confidential_agreement_is_not_found_by_those_who_may_not_see_it(role_client):
    secret = AgreementFactory(is_confidential=True)
    assert role_client(EDITOR).get(renew_page(secret)).status_code == 404
