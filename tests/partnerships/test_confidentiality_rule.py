"""One confidentiality rule: `visible_to` for agreements, their documents and their history;
`public_prefetch` for people and memberships. Pages and the API read those, never raw relations."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

from partnerships.models import CONFIDENTIAL_PERMISSION, Agreement
from tests import factories as f

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def with_permission(user, codename: str):
    app_label, codename = codename.split(".")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    return type(user).objects.get(pk=user.pk)  # a fresh user: permissions are cached


def test_the_history_of_a_confidential_agreement_follows_the_rule():
    secret = f.AgreementFactory(is_confidential=True)
    open_one = f.AgreementFactory()
    user = f.UserFactory(is_staff=True)

    seen = set(Agreement.history.visible_to(user).values_list("id", flat=True))
    assert seen == {open_one.pk}

    manager = with_permission(user, CONFIDENTIAL_PERMISSION)
    seen = set(Agreement.history.visible_to(manager).values_list("id", flat=True))
    assert seen == {open_one.pk, secret.pk}


def test_a_public_signatory_is_named_and_a_private_one_is_not(client):
    agreement = f.AgreementFactory(slug="open-002", title_en="Open agreement")
    named = f.PersonFactory(first_name="Ana", last_name="Publicsigner", is_public=True)
    withheld = f.PersonFactory(first_name="Bo", last_name="Privatesigner", is_public=False)
    f.AgreementPartyFactory(agreement=agreement, signatory=named)
    f.AgreementPartyFactory(agreement=agreement, signatory=withheld)

    html = client.get("/en/collaborations/agreements/open-002/").content.decode()
    assert "Ana Publicsigner" in html
    assert "Privatesigner" not in html


def test_a_public_team_leader_is_named_on_the_page_and_in_the_api(client):
    leader = f.PersonFactory(first_name="Ana", last_name="Publicleader", is_public=True)
    f.TeamFactory(slug="team-named", leader=leader)
    f.TeamFactory(slug="team-withheld", leader=f.PersonFactory(is_public=False))

    assert "Ana Publicleader" in client.get("/en/institutions/teams/team-named/").content.decode()
    leaders = {row["slug"]: row["leader"] for row in client.get("/api/teams/").json()["results"]}
    assert leaders == {"team-named": "Ana Publicleader", "team-withheld": None}
    assert client.get("/api/teams/team-withheld/").json()["leader"] is None


def python_files():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "tests", "node_modules"} or "migrations" in parts:
            continue
        yield path


def test_no_confidentiality_filter_outside_visible_to():
    """The agreement rule is written once, in partnerships/models.py."""
    pattern = re.compile(r"visibility_q\(|is_confidential\s*=\s*False|is_confidential__")
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files()
        if pattern.search(path.read_text(encoding="utf-8"))
        and path.relative_to(ROOT) != Path("partnerships/models.py")
        and path.relative_to(ROOT).parts[0] != "dataset"
    ]
    assert offenders == []


def test_templates_never_filter_people_themselves():
    """Who may be named is decided by `public_prefetch`, not by an `is_public` test in a page."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(r"(leader|signatory|person|coordinator)\w*\.is_public", path.read_text())
    ]
    assert offenders == []
