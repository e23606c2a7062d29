"""Saved searches: double opt-in by a signed link, the digest of new results only, one-click
unsubscribe (with its List-Unsubscribe header), limits, nothing saved on bad input."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from savedsearches import services
from savedsearches.models import SavedSearch
from tests import factories as f

pytestmark = pytest.mark.django_db


def subscribe(client, email="ana@example.org", lang="en", query="q=liver&type=teams", **extra):
    with translation.override(lang):
        return client.post(
            f"/{lang}/saved-searches/?{query}",
            {"email": email, "website": "", **extra},
            REMOTE_ADDR="198.51.100.7",
        )


def link_in(message, name: str) -> str:
    return re.search(rf"https?://\S+/{name}/\S+/", message.body).group(0)


@pytest.fixture
def liver_team():
    return f.TeamFactory(name_fr="Équipe foie ancienne", name_en="Old liver team")


def confirm(client, message):
    url = link_in(message, "confirm")
    path = url.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    return client.post(path)


def test_subscribing_sends_a_confirmation_link_and_nothing_else(
    client, liver_team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client)
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.kind, saved.query_string, saved.confirmed_at) == ("teams", "q=liver", None)
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "/en/saved-searches/confirm/" in message.body
    services.send_digests()
    assert len(mail.outbox) == 1  # nothing to an unconfirmed address


def test_confirmation_then_digest_lists_only_new_matches_then_unsubscribe(
    client, liver_team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, lang="fr")
    page = confirm(client, mail.outbox[0])
    assert "Recherche suivie" in page.content.decode()
    saved = SavedSearch.objects.get()
    assert saved.confirmed_at
    assert saved.seen == [liver_team.pk]

    services.send_digests()
    assert len(mail.outbox) == 1  # nothing new yet
    new = f.TeamFactory(name_fr="Équipe foie nouvelle", name_en="New liver team")
    f.TeamFactory(name_fr="Équipe poumon", name_en="Lung team")
    services.send_digests()
    digest = mail.outbox[-1]
    assert "1 nouveau résultat" in digest.subject
    assert "Équipe foie nouvelle" in digest.body
    assert "Équipe foie ancienne" not in digest.body
    assert "poumon" not in digest.body
    assert new.get_absolute_url() in digest.body
    unsubscribe = link_in(digest, "unsubscribe")
    assert digest.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    services.send_digests()
    assert len(mail.outbox) == 2  # sent once

    response = client.post(unsubscribe.split("testserver", 1)[1])  # RFC 8058 one-click POST
    assert response.status_code == 200
    assert not SavedSearch.objects.exists()


def test_a_forged_or_tampered_link_does_nothing(client, liver_team):
    saved = SavedSearch.objects.create(
        email="ana@example.org", kind="teams", query_string="q=liver", language="en", base_url=""
    )
    token = services.token(saved, services.CONFIRM)
    assert client.get(f"/en/saved-searches/confirm/{token}x/").status_code == 404
    unsubscribe = services.token(saved, services.UNSUBSCRIBE)
    assert client.get(f"/en/saved-searches/confirm/{unsubscribe}/").status_code == 404
    client.get(f"/en/saved-searches/unsubscribe/{token}/")  # a confirm token does not unsubscribe
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
    client.get(f"/en/saved-searches/unsubscribe/{unsubscribe}/")  # one click
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize(
    ("lang", "email", "message"),
    [
        ("en", "", "This field is required."),
        ("fr", "", "Ce champ est obligatoire."),
        ("en", "nope", "Enter a valid email address."),
        ("fr", "nope", "Saisissez une adresse e-mail valide."),
    ],
)
def test_bad_addresses_are_explained_and_nothing_is_saved(client, lang, email, message):
    response = subscribe(client, email=email, lang=lang)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SavedSearch.objects.exists()
    assert not mail.outbox


def test_honeypot_and_limits(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert subscribe(client, website="http://spam").status_code == 302
    assert not SavedSearch.objects.exists()
    assert not mail.outbox
    settings.SAVED_SEARCH_PER_CLIENT_HOUR = 2
    subscribe(client, query="q=a")
    subscribe(client, query="q=b")
    response = subscribe(client, query="q=c", lang="fr")
    assert response.status_code == 429
    assert "réessayer plus tard" in response.content.decode()
    assert SavedSearch.objects.count() == 2


def test_the_same_search_saved_twice_is_kept_once(client):
    subscribe(client)
    subscribe(client, email="ANA@example.org")
    assert SavedSearch.objects.count() == 1


def test_digest_work_per_subscription_is_bounded(settings, django_assert_max_num_queries):
    settings.SAVED_SEARCH_SEEN_MAX = 5
    settings.SAVED_SEARCH_DIGEST_MAX = 3
    saved = SavedSearch.objects.create(
        email="ana@example.org",
        kind="teams",
        query_string="q=team",
        language="en",
        base_url="http://testserver",
        confirmed_at="2026-01-01T00:00Z",
    )
    for n in range(12):
        f.TeamFactory(name_en=f"Team {n}")
    with django_assert_max_num_queries(8):
        listed = services.send_digest(saved=saved)
    assert listed == 3
    saved.refresh_from_db()
    assert len(saved.seen) == 5
    assert "And 2 more." in mail.outbox[0].body


def test_the_command_sends_the_digests_and_removes_unconfirmed_ones(settings):
    old = SavedSearch.objects.create(
        email="old@example.org", kind="teams", query_string="", language="en", base_url=""
    )
    SavedSearch.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00Z")
    call_command("send_saved_search_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not SavedSearch.objects.exists()


def test_search_page_offers_to_follow_the_search(client):
    html = client.get("/en/search/?q=liver&type=collaborations").content.decode()
    assert 'href="/en/saved-searches/?q=liver&amp;type=collaborations"' in html
    form = client.get("/en/saved-searches/?q=liver&type=collaborations").content.decode()
    assert "Collaborations" in form
    assert "liver" in form
