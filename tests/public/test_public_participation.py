"""A directory organisation becomes a public CLARA partner only by taking part in something the
public site shows: never through a confidential or unpublished agreement, a hidden
partnership, a private event or a mobility of a hidden partnership (issue 19, finding 3)."""

import csv
import io

import pytest
from django.utils.html import strip_tags

from institutions.models import Institution
from tests import factories as f
from tests.helpers import whole_sitemap

pytestmark = pytest.mark.django_db

ROR = Institution.Source.ROR


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text)) if row]


def directory_organisation(slug: str, name: str, ror_id: str) -> Institution:
    return f.InstitutionFactory(
        slug=slug, name_en=name, name_fr=name, source=ROR, ror_id=ror_id, country="SN"
    )


@pytest.fixture
def hidden_only(db) -> list[Institution]:
    """Directory organisations whose only links are withheld from the public site."""
    public = f.PartnershipFactory(slug="open-programme")
    hidden = f.PartnershipFactory(slug="closed-programme", is_public=False)

    confidential = directory_organisation("secret-pharma", "Quokka Pharma", "01cmnjq37")
    f.AgreementPartyFactory(
        institution=confidential,
        agreement=f.AgreementFactory(is_confidential=True, partnership=public),
    )
    member = directory_organisation("hidden-clinic", "Quokka Clinic", "02feahw73")
    f.PartnershipMemberFactory(partnership=hidden, institution=member)

    unpublished = directory_organisation("draft-lab", "Quokka Lab", "03vek6s52")
    f.AgreementPartyFactory(
        institution=unpublished, agreement=f.AgreementFactory(is_public=False, partnership=None)
    )
    of_hidden = directory_organisation("hidden-party", "Quokka Foundation", "04a1mvv97")
    f.AgreementPartyFactory(institution=of_hidden, agreement=f.AgreementFactory(partnership=hidden))
    organiser = directory_organisation("private-host", "Quokka Society", "05f82e368")
    f.EventFactory(is_public=False, partnership=None).organisers.add(organiser)
    host = directory_organisation("hidden-host", "Quokka Hospital", "06dn7sp07")
    f.MobilityExchangeFactory(partnership=hidden, host_institution=host)
    return [confidential, member, unpublished, of_hidden, organiser, host]


@pytest.fixture
def shown(db) -> Institution:
    """The same kind of organisation, party of a published agreement: a public partner."""
    institution = directory_organisation("open-party", "Quokka University", "07zj6gs18")
    f.AgreementPartyFactory(institution=institution, agreement=f.AgreementFactory())
    return institution


def test_only_public_links_make_a_partner(hidden_only, shown):
    directory = Institution.objects.filter(source=ROR)
    partners = set(directory.partners().values_list("slug", flat=True))
    probed = set(directory.partners_probed().values_list("slug", flat=True))
    assert partners == probed == {"open-party"}
    assert shown.is_partner
    assert not any(Institution.objects.get(pk=i.pk).is_partner for i in hidden_only)


def test_no_page_and_absent_from_every_public_list(client, hidden_only, shown):
    for institution in hidden_only:
        assert client.get(f"/en/institutions/{institution.slug}/").status_code == 404
    assert client.get("/en/institutions/open-party/").status_code == 200

    listing = client.get("/en/institutions/", {"country": "SN"}).content.decode()
    search = client.get("/en/search/", {"q": "Quokka", "type": "institutions"}).content.decode()
    rows = csv_rows(client.get("/en/search/export.csv", {"q": "Quokka", "type": "institutions"}))
    api = client.get("/api/institutions/", {"q": "Quokka"}).json()
    sitemap = whole_sitemap(client)
    map_page = client.get("/en/map/").content.decode()
    for text in (listing, search, sitemap):
        assert "Quokka University" in text or "/institutions/open-party/" in text
    assert [row[0] for row in rows[1:]] == ["Quokka University"]
    assert [item["slug"] for item in api["results"]] == ["open-party"]
    for institution in hidden_only:
        for text in (listing, search, sitemap, map_page):
            assert institution.name not in text
            assert f"/institutions/{institution.slug}/" not in text


def test_the_whole_directory_names_them_without_a_link(client, hidden_only):
    listing = client.get("/en/institutions/", {"directory": "all", "country": "SN"})
    search = client.get("/en/search/", {"q": "Quokka", "type": "institutions", "directory": "all"})
    export = client.get(
        "/en/search/export.csv", {"q": "Quokka", "type": "institutions", "directory": "all"}
    )
    rows = {row[0]: row[-1] for row in csv_rows(export)}
    for institution in hidden_only:
        assert institution.name in listing.content.decode()
        assert institution.name in strip_tags(search.content.decode())  # highlighted
        assert rows[institution.name] == ""
        for text in (listing.content.decode(), search.content.decode()):
            assert f"/institutions/{institution.slug}/" not in text


def test_the_api_gives_them_no_address(client, hidden_only, shown):
    listed = client.get("/api/institutions/", {"q": "Quokka", "directory": "all"}).json()
    urls = {item["slug"]: item["url"] for item in listed["results"]}
    assert urls["open-party"].endswith("/institutions/open-party/")
    for institution in hidden_only:
        assert urls[institution.slug] is None
        detail = client.get(f"/api/institutions/{institution.slug}/").json()
        assert detail["url"] is None
