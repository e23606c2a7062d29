"""EU projects and the evidence timeline on the public pages, in the search and in the
back-office: what is shown, to whom, and in a bounded number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from euprojects.models import Participation, Project
from evidence.selectors import institution_timeline, partnership_timeline
from institutions.models import Institution
from mobility.models import MobilityExchange
from partnerships.models import Agreement
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    """A foreign partner in an EU project with a CLARA member, and in one without any."""
    member = f.InstitutionFactory(
        slug="lyon-member",
        name_en="Lyon Member University",
        country="FR",
        network_role="regional_member",
    )
    partner = f.InstitutionFactory(slug="partner", name_en="Partner Institute", country="IL")
    outsider = f.InstitutionFactory(slug="outsider", name_en="Outsider Institute", country="DE")
    shared = f.ProjectFactory(acronym="SHAREDPROJ", cordis_id="700001")
    alone = f.ProjectFactory(acronym="ALONEPROJ", cordis_id="700002")
    f.ParticipationFactory(project=shared, institution=member, role="coordinator")
    f.ParticipationFactory(project=shared, institution=partner)
    f.ParticipationFactory(project=alone, institution=partner)
    f.ParticipationFactory(project=alone, institution=outsider)
    partnership = f.PartnershipFactory(slug="alliance", is_public=True)
    f.PartnershipMemberFactory(partnership=partnership, institution=member)
    f.PartnershipMemberFactory(partnership=partnership, institution=partner)
    return {"member": member, "partner": partner, "outsider": outsider, "partnership": partnership}


def agreement(partnership, party, **fields):
    found = f.AgreementFactory(partnership=partnership, **fields)
    f.AgreementPartyFactory(agreement=found, institution=party)
    return found


def test_an_institution_page_shows_its_eu_projects_with_clara_partners(client, world):
    html = client.get("/en/institutions/partner/").content.decode()
    assert "EU projects with CLARA partners" in html
    assert "SHAREDPROJ" in html
    assert "Lyon Member University" in html
    assert "ALONEPROJ" not in html.split('id="eu-projects"')[1].split("</section>")[0]
    assert "https://cordis.europa.eu/project/id/700001" in html


def test_an_institution_without_such_projects_shows_no_section(client, world):
    f.PartnershipMemberFactory(institution=world["outsider"])  # a partner page
    html = client.get("/en/institutions/outsider/").content.decode()
    assert "EU projects with CLARA partners" not in html


def test_the_search_filters_partners_sharing_an_eu_project_with_clara(client, world):
    response = client.get("/en/search/", {"type": "institutions", "eu_projects": "shared"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/en/institutions/partner/" in html
    assert "/en/institutions/outsider/" not in html
    teams = client.get("/en/search/", {"type": "teams", "eu_projects": "shared"})
    assert teams.status_code == 200
    api = client.get("/api/institutions/", {"eu_projects": "shared"}).json()
    assert [row["slug"] for row in api["results"]] == ["partner"]


def test_the_public_timeline_shows_only_what_is_public(client, world):
    partner, partnership = world["partner"], world["partnership"]
    agreement(
        partnership,
        partner,
        title_en="Published accord",
        signed_on=datetime.date(2019, 5, 2),
        end_date=datetime.date(2021, 5, 1),
    )
    agreement(partnership, partner, title_en="Secret accord", is_confidential=True)
    agreement(partnership, partner, title_en="Unpublished accord", is_public=False)
    f.MobilityExchangeFactory(
        host_institution=partner,
        partnership=partnership,
        status=MobilityExchange.Status.COMPLETED,
        actual_start=datetime.date(2020, 3, 1),
        actual_end=datetime.date(2020, 6, 1),
    )
    f.MobilityExchangeFactory(
        host_institution=partner,
        partnership=partnership,
        planned_start=datetime.date(2031, 1, 5),
        planned_end=datetime.date(2031, 3, 5),
    )
    html = client.get("/en/institutions/partner/").content.decode()
    section = html.split('id="evidence"')[1].split("</section>")[0]
    assert "Published accord" in section
    assert "Agreement signed" in section
    assert "Agreement ended" in section  # its stated end is past
    assert "Secret accord" not in html
    assert "Unpublished accord" not in html
    assert "Mobility done" in section
    assert "Mobility planned" in section
    assert "SHAREDPROJ" in section
    assert "EU project started" in section
    assert "Next actions" not in section  # the office's work, not the public's


def test_activity_indicator_says_nothing_since_an_old_year(world):
    partner = world["partner"]
    Project.objects.update(start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 1, 1))
    timeline = institution_timeline(partner)
    assert timeline.latest == datetime.date(2015, 1, 1)
    assert timeline.dormant_since == 2015
    Project.objects.update(start_date=timezone.localdate())
    assert institution_timeline(partner).dormant_since is None


def test_next_actions_give_the_renewal_notice_and_report_due(world, make_staff):
    today = timezone.localdate()
    found = agreement(
        world["partnership"],
        world["partner"],
        title_en="Renewable accord",
        status=Agreement.Status.IN_FORCE,
        signed_on=today - datetime.timedelta(days=400),
        start_date=today - datetime.timedelta(days=400),
        end_date=today + datetime.timedelta(days=100),
        renewal_notice_days=90,
    )
    Project.objects.filter(acronym="SHAREDPROJ").update(
        end_date=today + datetime.timedelta(days=30)
    )
    timeline = partnership_timeline(world["partnership"], user=make_staff(AGREEMENTS_MANAGER))
    labels = [(a.label, a.date) for a in timeline.next_actions]
    assert ("Renewal notice", found.end_date - datetime.timedelta(days=90)) in labels
    assert ("Report due", today + datetime.timedelta(days=90)) in labels


def test_a_confidential_agreement_reaches_only_staff_allowed_to_see_it(world, make_staff):
    agreement(
        world["partnership"],
        world["partner"],
        title_en="Secret accord",
        is_confidential=True,
        signed_on=datetime.date(2020, 1, 2),
    )

    def titles(user):
        timeline = partnership_timeline(world["partnership"], user=user)
        return {entry.text for entry in timeline.entries}

    assert "Secret accord" in titles(make_staff(AGREEMENTS_MANAGER))
    assert "Secret accord" not in titles(make_staff(EDITOR))
    assert "Secret accord" not in titles(make_staff(VIEWER, "another-viewer"))
    assert "Secret accord" not in titles(None)
    assert "Secret accord" not in {e.text for e in institution_timeline(world["partner"]).entries}


def test_the_admin_timeline_respects_the_roles(client, world, make_staff):
    agreement(
        world["partnership"],
        world["partner"],
        title_en="Secret accord",
        is_confidential=True,
        signed_on=datetime.date(2020, 1, 2),
    )
    url = f"/backoffice/timeline/partnership/{world['partnership'].pk}/"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(make_staff(AGREEMENTS_MANAGER))
    html = client.get(url).content.decode()
    assert "Secret accord" in html
    assert "SHAREDPROJ" in html
    client.force_login(make_staff(EDITOR))
    html = client.get(url).content.decode()
    assert "Activity timeline" in html
    assert "Secret accord" not in html
    client.force_login(make_staff(None, "no-role"))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    institution_url = f"/backoffice/timeline/institution/{world['partner'].pk}/"
    client.force_login(make_staff(VIEWER))
    assert "SHAREDPROJ" in client.get(institution_url).content.decode()


def test_the_partnership_admin_links_to_its_timeline(world, make_staff, client):
    client.force_login(make_staff(EDITOR))
    html = client.get(f"/admin/partnerships/partnership/{world['partnership'].pk}/change/")
    assert f"/backoffice/timeline/partnership/{world['partnership'].pk}/" in html.content.decode()


def grow(world, n: int) -> None:
    """n more of everything around the partner: projects with CLARA, agreements, mobilities."""
    member, partner, partnership = world["member"], world["partner"], world["partnership"]
    start = Project.objects.count()
    projects = Project.objects.bulk_create(
        Project(
            cordis_id=f"8{start + i:05d}",
            acronym=f"GROWN{start + i}",
            framework_programme="H2020",
            start_date=datetime.date(2016, 1, 1) + datetime.timedelta(days=i),
            source_hash="x",
        )
        for i in range(n)
    )
    Participation.objects.bulk_create(
        Participation(
            project=p, institution=who, organisation_id=str(who.pk), name="X", role="participant"
        )
        for p in projects
        for who in (member, partner)
    )
    for i in range(n):
        agreement(
            partnership, partner, signed_on=datetime.date(2015, 1, 1) + datetime.timedelta(days=i)
        )
        f.MobilityExchangeFactory(
            host_institution=partner,
            partnership=partnership,
            status=MobilityExchange.Status.COMPLETED,
            actual_start=datetime.date(2017, 1, 1) + datetime.timedelta(days=i),
            actual_end=datetime.date(2017, 2, 1) + datetime.timedelta(days=i),
        )
        f.EventFactory(partnership=partnership).organisers.add(partner)


def queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_pages_run_the_same_queries_at_two_sizes(client, world, make_staff):
    staff = make_staff(AGREEMENTS_MANAGER)
    urls = [
        "/en/institutions/partner/",
        "/en/eu-projects/institution/partner/",
        f"/backoffice/timeline/partnership/{world['partnership'].pk}/",
        f"/backoffice/timeline/institution/{world['partner'].pk}/",
        "/en/search/?type=institutions&eu_projects=shared",
    ]
    client.force_login(staff)
    grow(world, 3)
    queries(client, urls[0])
    small = {url: queries(client, url) for url in urls}
    grow(world, 40)
    large = {url: queries(client, url) for url in urls}
    assert small == large
    html = client.get("/en/institutions/partner/").content.decode()
    assert "See all its EU projects with CLARA partners" in html
    assert html.count("evidence-eu_project") == 10


def test_the_see_all_page_lists_every_project_page_by_page(client, world):
    grow(world, 35)
    first = client.get("/en/eu-projects/institution/partner/").content.decode()
    second = client.get("/en/eu-projects/institution/partner/?page=2").content.decode()
    assert first.count("cordis.europa.eu/project/id/") == 30
    assert second.count("cordis.europa.eu/project/id/") == 6
    assert client.get("/en/eu-projects/institution/nobody/").status_code == 404


def test_only_partners_have_a_see_all_page(client, world):
    hidden = Institution.objects.create(
        slug="directory-only", name="Directory", country="DE", source="ror", ror_id=""
    )
    assert client.get(f"/en/eu-projects/institution/{hidden.slug}/").status_code == 404


def test_a_collaboration_page_shows_its_public_timeline_with_shared_eu_projects(client, world):
    partnership, partner = world["partnership"], world["partner"]
    agreement(
        partnership, partner, title_en="Published accord", signed_on=datetime.date(2019, 5, 2)
    )
    agreement(partnership, partner, title_en="Secret accord", is_confidential=True)
    html = client.get("/en/collaborations/alliance/").content.decode()
    section = html.split('id="evidence"')[1].split("</section>")[0]
    assert "Published accord" in section
    assert "SHAREDPROJ" in section  # two of its members take part
    assert "ALONEPROJ" not in section  # one of them only
    assert "Secret accord" not in html
