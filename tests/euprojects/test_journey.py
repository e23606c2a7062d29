"""EU projects and the evidence timeline in a real Chromium, through the interface only."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from backoffice.roles import AGREEMENTS_MANAGER
from tests import factories as f
from tests.backoffice.test_agreement_journey import log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def records(db):
    member = f.InstitutionFactory(
        slug="universite-lyon-membre",
        name_fr="Université de Lyon (membre)",
        name_en="Lyon University (member)",
        country="FR",
        network_role="regional_member",
    )
    partner = f.InstitutionFactory(
        slug="institut-weizmann",
        name_fr="Institut Weizmann des sciences",
        name_en="Weizmann Institute of Science",
        country="IL",
    )
    project = f.ProjectFactory(acronym="ONCOLINK", cordis_id="101010")
    f.ParticipationFactory(project=project, institution=member, role="coordinator")
    f.ParticipationFactory(project=project, institution=partner)
    partnership = f.PartnershipFactory(
        slug="lyon-rehovot", name_fr="Partenariat Lyon – Rehovot", is_public=True
    )
    f.PartnershipMemberFactory(partnership=partnership, institution=member)
    f.PartnershipMemberFactory(partnership=partnership, institution=partner)
    public = f.AgreementFactory(
        partnership=partnership,
        title_fr="Accord-cadre Lyon – Rehovot",
        signed_on=datetime.date(2019, 5, 2),
    )
    f.AgreementPartyFactory(agreement=public, institution=partner)
    secret = f.AgreementFactory(
        partnership=partnership,
        title_fr="Accord confidentiel de transfert",
        signed_on=datetime.date(2021, 9, 1),
        is_confidential=True,
    )
    f.AgreementPartyFactory(agreement=secret, institution=partner)
    return {"partner": partner, "partnership": partnership}


def test_visitor_sees_an_eu_project_with_a_clara_partner_and_the_timeline(
    page, live_server, records
):
    page.goto(f"{live_server.url}/fr/institutions/?country=IL")
    page.get_by_role("link", name="Institut Weizmann des sciences").first.click()
    page.wait_for_url(re.compile(r"/fr/institutions/institut-weizmann/$"))
    projects = page.locator("section:has(#eu-projects)")
    expect(projects).to_contain_text("ONCOLINK")
    expect(projects).to_contain_text("Université de Lyon (membre)")
    timeline = page.locator("section.evidence")
    expect(timeline).to_contain_text("Accord-cadre Lyon – Rehovot")
    expect(timeline).to_contain_text("ONCOLINK")
    expect(timeline).not_to_contain_text("Accord confidentiel")
    assert "Accord confidentiel" not in page.content()
    # The CLARA partner's own page, from the project's line.
    projects.get_by_role("link", name="Université de Lyon (membre)").click()
    page.wait_for_url(re.compile(r"/fr/institutions/universite-lyon-membre/$"))


def test_staff_see_the_timeline_of_a_partnership_with_its_confidential_agreement(
    page, live_server, records, make_staff
):
    make_staff(AGREEMENTS_MANAGER, "manager")
    log_in(page, live_server.url, "manager")
    page.get_by_role("link", name="Partenariats", exact=True).first.click()
    page.get_by_role("link", name="Partenariat Lyon – Rehovot").first.click()
    page.wait_for_url(re.compile(r"/admin/partnerships/partnership/\d+/change/$"))
    page.get_by_role("link", name=re.compile(r"Chronologie d.activité")).first.click()
    page.wait_for_url(re.compile(r"/backoffice/timeline/partnership/\d+/$"))
    timeline = page.locator("section.evidence")
    expect(timeline).to_contain_text("Accord confidentiel de transfert")
    expect(timeline).to_contain_text("confidentiel")
    expect(timeline).to_contain_text("Accord-cadre Lyon – Rehovot")
    expect(timeline).to_contain_text("ONCOLINK")
