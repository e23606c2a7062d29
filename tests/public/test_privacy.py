"""Nothing private reaches a public page, the sitemap or the map."""

import pytest

from tests.helpers import whole_sitemap

pytestmark = pytest.mark.django_db

URLS = [
    "/fr/",
    "/en/",
    "/en/map/",
    "/en/collaborations/",
    "/fr/collaborations/",
    "/en/collaborations/public-programme/",
    "/fr/collaborations/public-programme/",
    "/en/collaborations/agreements/open-001/",
    "/en/institutions/",
    "/en/institutions/partner-institute/",
    "/en/institutions/teams/team-x/",
    "/en/events/",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("url", URLS)
def test_no_private_string_on_public_pages(client, secrets, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    for secret in secrets["strings"]:
        assert secret not in content, f"{secret!r} leaked on {url}"


def test_no_private_string_in_any_sitemap_section(client, secrets):
    sitemap = whole_sitemap(client)
    assert "/en/collaborations/public-programme/" in sitemap
    for secret in secrets["strings"]:
        assert secret not in sitemap


def test_private_records_have_no_page(client, secrets):
    assert client.get("/en/collaborations/agreements/conf-001/").status_code == 404
    assert client.get("/en/collaborations/hidden-programme/").status_code == 404
    assert client.get("/en/events/private-event/").status_code == 404


def test_the_public_programme_itself_is_shown(client, secrets):
    html = client.get("/en/collaborations/public-programme/").content.decode()
    assert "Open agreement" in html
    assert "Partner Institute" in html
