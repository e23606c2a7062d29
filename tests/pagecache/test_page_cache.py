"""The public page cache: hits cost no query, edits show at once, staff pages are never kept."""

import gzip
import subprocess
import sys

import pytest
import tablib
from django.core.cache import caches
from django.urls import clear_url_caches
from django.utils import translation

from institutions.models import Institution
from institutions.resources import InstitutionResource
from pagecache.cache import bump_content_version, content_version
from tests import factories as f
from tests.core.test_settings import ROOT, STRONG_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def institution():
    return f.InstitutionFactory(slug="lyon-institute", name_en="Lyon Institute")


def test_a_second_anonymous_get_is_served_from_the_cache_without_a_query(
    client, institution, django_assert_num_queries
):
    first = client.get("/en/institutions/lyon-institute/")
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/institutions/lyon-institute/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert "Lyon Institute" in second.content.decode()


def test_the_key_has_the_language_the_query_and_the_htmx_header(client, institution):
    assert "Lyon Institute" in client.get("/en/institutions/").content.decode()
    assert client.get("/fr/institutions/")["X-Cache"] == "miss"
    assert client.get("/en/institutions/?country=CN")["X-Cache"] == "miss"
    assert client.get("/en/search/", headers={"HX-Request": "true"})["X-Cache"] == "miss"
    assert client.get("/en/search/")["X-Cache"] == "miss"
    assert client.get("/en/institutions/")["X-Cache"] == "hit"


def test_saving_a_record_shows_on_the_next_page(client, institution):
    assert "Lyon Institute" in client.get("/en/institutions/").content.decode()
    institution.name_en = "Renamed Institute"
    institution.save()
    page = client.get("/en/institutions/")
    assert page["X-Cache"] == "miss"
    assert "Renamed Institute" in page.content.decode()


def test_a_bulk_update_shows_once_the_version_is_bumped(client, institution):
    client.get("/en/institutions/")
    Institution.objects.filter(pk=institution.pk).update(name_en="Bulk Institute")
    bump_content_version()
    assert "Bulk Institute" in client.get("/en/institutions/").content.decode()


def test_a_many_to_many_change_makes_pages_stale(client, institution):
    theme = f.ResearchThemeFactory()
    team = f.TeamFactory(institution=institution)
    before = content_version()
    team.themes.add(theme)
    assert content_version() != before


def test_an_admin_bulk_action_shows_on_the_public_page(client, staff_client, institution):
    anonymous = client.__class__()
    assert "Lyon Institute" in anonymous.get("/en/institutions/").content.decode()
    answer = staff_client.post(
        "/admin/institutions/institution/",
        {"action": "delete_selected", "_selected_action": [institution.pk], "post": "yes"},
    )
    assert answer.status_code == 302
    assert not Institution.objects.exists()
    assert "Lyon Institute" not in anonymous.get("/en/institutions/").content.decode()


def test_saving_a_collaboration_keeps_other_institutions_pages(
    client, institution, django_capture_on_commit_callbacks, django_assert_num_queries
):
    member = f.PartnershipMemberFactory(institution__slug="member", institution__name_en="Member")
    client.get("/en/institutions/lyon-institute/")
    assert "Renamed" not in client.get("/en/institutions/member/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        member.partnership.name_en = "Renamed Partnership"
        member.partnership.save()
    with django_assert_num_queries(0):
        unrelated = client.get("/en/institutions/lyon-institute/")
    assert unrelated["X-Cache"] == "hit"
    concerned = client.get("/en/institutions/member/")
    assert concerned["X-Cache"] == "miss"
    assert "Renamed Partnership" in concerned.content.decode()


def collaboration_pages(name: str) -> dict:
    """A collaboration with a member institution, a team there, a theme and an event."""
    member = f.PartnershipMemberFactory(partnership__name_en=name)
    partnership = member.partnership
    theme = f.ResearchThemeFactory()
    partnership.themes.add(theme)
    team = f.TeamFactory(institution=member.institution)
    event = f.EventFactory(partnership=partnership)
    records = [partnership, member.institution, team, theme, event]
    with translation.override("en"):
        return {"partnership": partnership, "urls": [r.get_absolute_url() for r in records]}


def test_saving_a_collaboration_keeps_the_pages_it_does_not_appear_on(
    client, django_capture_on_commit_callbacks
):
    saved, other = collaboration_pages("Saved"), collaboration_pages("Other")
    for url in saved["urls"] + other["urls"]:
        assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        saved["partnership"].name_en = "Renamed"
        saved["partnership"].save()
    assert [client.get(url)["X-Cache"] for url in other["urls"]] == ["hit"] * 5
    concerned = [client.get(url) for url in saved["urls"]]
    assert [page["X-Cache"] for page in concerned] == ["miss"] * 5
    assert all("Renamed" in page.content.decode() for page in concerned)


def test_after_a_change_the_previous_page_is_served_then_the_new_one(client, institution, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30
    client.get("/en/institutions/lyon-institute/")
    institution.name_en = "Renamed Institute"
    institution.save()
    stale = client.get("/en/institutions/lyon-institute/")  # then rebuilt, once answered
    assert stale["X-Cache"] == "stale"
    assert "Lyon Institute" in stale.content.decode()
    fresh = client.get("/en/institutions/lyon-institute/")
    assert fresh["X-Cache"] == "hit"
    assert "Renamed Institute" in fresh.content.decode()


def test_what_is_withdrawn_from_the_public_is_never_served_stale(client, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30
    partnership = f.PartnershipFactory(slug="withdrawn", is_public=True)
    url = "/en/collaborations/withdrawn/"
    assert client.get(url).status_code == 200
    partnership.is_public = False
    partnership.save()
    assert client.get(url).status_code == 404


def test_a_deleted_record_is_never_served_stale(client, institution, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30
    f.TeamFactory(institution=institution, slug="kept-team")
    assert client.get("/en/institutions/lyon-institute/").status_code == 200
    institution.teams.all().delete()
    page = client.get("/en/institutions/lyon-institute/")
    assert page["X-Cache"] == "miss"
    assert "kept-team" not in page.content.decode()


def test_past_the_staleness_bound_the_page_is_rendered_again(
    client, institution, settings, monkeypatch
):
    import pagecache.versions

    settings.PAGE_CACHE_STALE_SECONDS = 30
    client.get("/en/institutions/lyon-institute/")
    institution.name_en = "Renamed Institute"
    institution.save()
    later = pagecache.versions.time.time() + 31
    monkeypatch.setattr(pagecache.versions.time, "time", lambda: later)
    page = client.get("/en/institutions/lyon-institute/")
    assert page["X-Cache"] == "miss"
    assert "Renamed Institute" in page.content.decode()


def test_a_staff_post_does_not_make_every_page_stale(staff_client):
    before = content_version()
    answer = staff_client.post("/admin/password_change/", {"old_password": "wrong"})
    assert answer.status_code == 200  # the form again, with its errors
    assert content_version() == before


def test_an_anonymous_post_does_not_bump_the_version(client):
    before = content_version()
    client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert content_version() == before


def test_an_import_shows_on_the_public_page(client):
    assert "Imported Institute" not in client.get("/en/institutions/").content.decode()
    dataset = tablib.Dataset(headers=["slug", "name_fr", "name_en", "kind", "country"])
    dataset.append(["imported", "Institut importé", "Imported Institute", "hospital", "FR"])
    result = InstitutionResource().import_data(dataset, dry_run=False, raise_errors=True)
    assert not result.has_validation_errors()
    assert "Imported Institute" in client.get("/en/institutions/").content.decode()


def test_logged_in_pages_are_never_cached(staff_client, institution, django_assert_num_queries):
    staff_client.get("/en/institutions/lyon-institute/")
    second = staff_client.get("/en/institutions/lyon-institute/")
    assert second.status_code == 200
    assert "X-Cache" not in second
    assert "ETag" not in second


def test_staff_and_visitors_each_see_their_own_page(client, staff_client, secrets):
    anonymous = client.__class__()
    url = "/en/collaborations/public-programme/"
    assert "Confidential agreement" not in anonymous.get(url).content.decode()
    assert anonymous.get(url)["X-Cache"] == "hit"
    assert "X-Cache" not in staff_client.get(url)
    assert "Confidential agreement" not in anonymous.get(url).content.decode()
    assert anonymous.get("/en/collaborations/agreements/conf-001/").status_code == 404


def test_admin_pages_are_never_cached(client):
    client.get("/admin/login/")
    assert "X-Cache" not in client.get("/admin/login/")


def test_if_none_match_answers_304_without_rendering(
    client, institution, django_assert_num_queries
):
    first = client.get("/en/institutions/lyon-institute/")
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert first["Last-Modified"]
    with django_assert_num_queries(0):
        again = client.get("/en/institutions/lyon-institute/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    caches["pages"].clear()  # as in another process, or once expired: rendered again
    again = client.get("/en/institutions/lyon-institute/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    institution.name_en = "Changed"
    institution.save()
    changed = client.get("/en/institutions/lyon-institute/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_pages_are_gzipped_when_the_client_accepts_it(client, staff_client, institution):
    plain = client.get("/en/institutions/lyon-institute/")
    assert "Content-Encoding" not in plain
    for _ in range(2):  # the miss and the hit
        packed = client.get("/en/institutions/lyon-institute/", headers={"Accept-Encoding": "gzip"})
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    # Uncached pages too, with Django's BREACH mitigation (GZipMiddleware).
    staff_page = staff_client.get("/en/institutions/", headers={"Accept-Encoding": "gzip"})
    assert staff_page["Content-Encoding"] == "gzip"


def test_api_answers_are_cached_per_accept_header(client, institution, django_assert_num_queries):
    client.get("/api/institutions/", headers={"Accept": "application/json"})
    with django_assert_num_queries(0):
        hit = client.get("/api/institutions/", headers={"Accept": "application/json"})
    assert hit["X-Cache"] == "hit"
    assert hit.json()["results"][0]["slug"] == "lyon-institute"
    browsable = client.get("/api/institutions/", headers={"Accept": "text/html"})
    assert browsable["Content-Type"].startswith("text/html")


def test_cached_api_answers_still_count_against_the_rate(client, settings):
    settings.API_RATE_ANONYMOUS = "3/minute"
    statuses = [client.get("/api/themes/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_json_ld_carries_no_nonce_and_the_csp_header_matches_the_body(client, institution):
    for _ in range(2):
        page = client.get("/en/institutions/lyon-institute/")
        body = page.content.decode()
        assert '<script type="application/ld+json">' in body
        assert "nonce" not in body
        assert "nonce" not in page["Content-Security-Policy"]
        assert "script-src 'self'" in page["Content-Security-Policy"]


@pytest.fixture
def extra_urls(settings):
    settings.ROOT_URLCONF = "tests.pagecache.page_cache_urls"
    clear_url_caches()
    yield
    clear_url_caches()


def test_a_page_with_a_nonce_is_never_reused(client, extra_urls):
    nonces = set()
    for _ in range(2):
        page = client.get("/nonce/")
        assert "X-Cache" not in page
        nonce = page.content.decode().split('nonce="')[1].split('"')[0]
        assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]
        nonces.add(nonce)
    assert len(nonces) == 2


def test_a_page_with_a_csrf_token_is_never_cached(client, extra_urls):
    client.get("/form/")
    assert "X-Cache" not in client.get("/form/")


def test_a_visitor_with_a_session_cookie_is_not_served_from_the_cache(client, institution):
    client.get("/en/institutions/")
    client.cookies["sessionid"] = "stale"
    assert "X-Cache" not in client.get("/en/institutions/")


def test_production_keeps_database_connections_with_health_checks():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
        "s.CACHES['pages']['BACKEND'].rsplit('.', 1)[1], s.PAGE_CACHE_SECONDS, "
        "type(__import__('django.template').template.engines['django'].engine.template_loaders[0])"
        ".__module__)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "clara.settings.prod",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "partnerships.example.org",
        "DATABASE_URL": "postgres://clara@127.0.0.1:5432/clara",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    max_age, health_checks, pages_backend, seconds, loader = result.stdout.split()
    assert int(max_age) >= 60
    assert health_checks == "True"
    assert pages_backend == "LocMemCache"
    assert int(seconds) > 0
    assert loader == "django.template.loaders.cached"


def test_with_the_folder_cache_the_versions_are_shared_files(
    settings, tmp_path, client, institution
):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    first = content_version()
    assert any(tmp_path.iterdir())
    assert content_version() == first
    client.get("/en/institutions/")
    assert client.get("/en/institutions/")["X-Cache"] == "hit"
    institution.name_en = "Folder Institute"
    institution.save()
    assert content_version() != first
    assert "Folder Institute" in client.get("/en/institutions/").content.decode()


def test_choices_drawn_from_the_data_are_computed_once_per_change(django_assert_num_queries):
    from partnerships.filters import country_choices

    f.PartnershipFactory(countries=["CN"])
    assert [code for code, _name in country_choices()] == ["CN"]
    with django_assert_num_queries(0):
        country_choices()
    f.PartnershipFactory(countries=["JP"])
    assert [code for code, _name in country_choices()] == ["CN", "JP"]


def test_the_command_makes_every_cached_page_stale():
    from django.core.management import call_command

    before = content_version()
    call_command("bump_content_version", verbosity=0)
    assert content_version() != before


def test_a_process_keeps_its_recent_pages_while_the_version_holds(
    client, institution, django_assert_num_queries
):
    client.get("/en/institutions/lyon-institute/")
    caches["pages"].clear()  # the shared copy is gone (Redis evicted it, say)
    with django_assert_num_queries(0):
        assert client.get("/en/institutions/lyon-institute/")["X-Cache"] == "hit"
    institution.name_en = "Renamed Institute"
    institution.save()
    page = client.get("/en/institutions/lyon-institute/")
    assert page["X-Cache"] == "miss"
    assert "Renamed Institute" in page.content.decode()


def test_a_process_copy_expires_with_the_shared_one(client, institution, settings, monkeypatch):
    import pagecache.cache

    client.get("/en/institutions/lyon-institute/")
    caches["pages"].clear()
    later = pagecache.cache.time.monotonic() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(pagecache.cache.time, "monotonic", lambda: later)
    assert client.get("/en/institutions/lyon-institute/")["X-Cache"] == "miss"


def test_the_shared_versions_are_read_again_after_their_delay(settings, monkeypatch):
    import pagecache.versions

    settings.PAGE_CACHE_VERSION_SECONDS = 1
    first = content_version()
    caches["default"].set("content-version:themes.researchtheme", "1", timeout=None)
    assert content_version() == first  # read at most once a second
    later = pagecache.versions.time.monotonic() + 2
    monkeypatch.setattr(pagecache.versions.time, "monotonic", lambda: later)
    second = content_version()
    assert second != first
    bump_content_version()  # this process's own change shows at once
    assert content_version() not in {first, second}
