"""The pages, through the test client: public calls, signing in by e-mailed link, the
application form, and who may see what (applicant, reviewer, staff roles, anyone else)."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from programmes import services
from programmes.models import Application, ApplicationDocument

from .conftest import PDF, applicant, make_call, reviewer, submitted

pytestmark = pytest.mark.django_db


def test_calls_are_listed_open_upcoming_and_closed_in_both_languages(client, world):
    make_call(slug="next-year", opens=30, closes=60, title_en="Next year")
    make_call(slug="last-year", opens=-60, closes=-30, title_en="Last year")
    make_call(slug="hidden", is_public=False, title_en="Hidden call")
    page = client.get("/fr/appels/").content.decode()
    assert "Mobilité Shanghai 2027" in page
    english = client.get("/en/calls/").content.decode()
    opened, upcoming = english.index('id="open"'), english.index('id="upcoming"')
    closed = english.index('id="closed"')
    assert opened < english.index("Shanghai mobility 2027") < upcoming
    assert upcoming < english.index("Next year") < closed < english.index("Last year")
    assert "Hidden call" not in english
    assert client.get("/en/calls/hidden/").status_code == 404


def test_a_call_page_has_its_rules_json_ld_and_apply_button(client, world):
    page = client.get("/en/calls/shanghai-2027/").content.decode()
    assert '"@type": "MonetaryGrant"' in page
    assert "PhD student" in page
    assert "Curriculum vitae" in page
    assert 'href="/en/calls/shanghai-2027/apply/"' in page
    assert "Paris time" in page
    closed = make_call(slug="over", opens=-60, closes=-1)
    assert "/apply/" not in client.get(closed.get_absolute_url()).content.decode()


def test_the_calendar_feed_has_the_closing_dates(client, world):
    feed = client.get("/calendar/events.ics").content.decode().replace("\r\n ", "")
    assert "SUMMARY:Clôture de l’appel\u202f: Mobilité Shanghai 2027" in feed
    assert "URL:http://testserver/fr/appels/shanghai-2027/" in feed


def sign_in(client, email: str, next_url: str = "") -> str:
    """Asks for a link and follows it: the address the sign-in leads to."""
    mail.outbox.clear()
    client.post("/en/calls/sign-in/", {"email": email, "next": next_url})
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[1]
    page = client.get(path)
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    answer = client.post(path.split("?")[0], {"token": token, "next": next_url})
    return answer["Location"]


def test_signing_in_by_the_emailed_link_once(client, world):
    assert sign_in(client, "Lina@Example.org", "/en/calls/shanghai-2027/apply/").endswith(
        "/en/calls/shanghai-2027/apply/"
    )
    assert client.get("/en/calls/my-applications/").status_code == 200
    client.logout()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0).split("testserver", 1)[1]
    token = re.search(r"token=([^&\s]+)", link).group(1)
    again = client.post("/en/calls/sign-in/link/", {"token": token}, follow=True)
    assert "expired or was already used" in again.content.decode()


def test_the_sign_in_page_reads_the_same_whoever_asks_and_is_rate_limited(
    client, django_user_model, settings
):
    django_user_model.objects.create_user("staffer", "staff@example.org", "pw", is_staff=True)
    answers = {
        email: client.post("/en/calls/sign-in/", {"email": email}).content
        for email in ("staff@example.org", "new@example.org")
    }
    assert answers["staff@example.org"].replace(b"staff", b"X") == answers[
        "new@example.org"
    ].replace(b"new", b"X")
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    settings.PROGRAMMES_LINKS_PER_HOUR = 2
    for _ in range(4):
        client.post("/en/calls/sign-in/", {"email": "new@example.org"})
    assert len(mail.outbox) == 2


def test_staff_never_sign_in_by_link(client, django_user_model):
    from sesame.utils import get_token

    staffer = django_user_model.objects.create_user("s", "s@example.org", "pw", is_staff=True)
    client.post("/en/calls/sign-in/link/", {"token": get_token(staffer, scope="programmes")})
    assert client.get("/en/calls/my-applications/").status_code == 302
    assert client.get("/admin/").status_code == 302


def test_applicants_never_reach_the_admin(client, world):
    client.force_login(applicant("lina@example.org"))
    assert client.get("/admin/").status_code == 302
    assert (
        client.get(f"/backoffice/programmes/calls/{world['call'].pk}/ranking/").status_code == 302
    )


def form_data(world, **values) -> dict:
    start = timezone.localdate() + datetime.timedelta(days=90)
    return {
        "first_name": "Lina",
        "last_name": "Martin",
        "career_stage": "phd",
        "clara_institution": world["lyon"].pk,
        "team": world["team"].pk,
        "host_institution": world["host"].pk,
        "host_contact": "Prof. Gao",
        "host_contact_email": "gao@example.cn",
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=119)).isoformat(),
        "requested_amount": "4000",
        "project_title": "Liver",
        "project": "Four months.",
        "consent": "on",
        **values,
    }


def upload(name="cv.pdf", content=PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_form_saves_a_draft_names_the_rules_then_submits(client, world):
    client.force_login(applicant("lina@example.org"))
    draft = client.get("/en/calls/shanghai-2027/apply/")
    url = draft["Location"]
    assert "“last name” is missing." in client.get(url).content.decode()
    saved = client.post(url, {**form_data(world), "document_cv": upload(), "action": "save"})
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert "“Host&#x27;s letter of invitation” is missing." in page
    bad = client.post(url, {**form_data(world), "document_invitation": upload("x.pdf", b"GIF89a")})
    assert "not a PDF document" in bad.content.decode()
    done = client.post(
        url, {**form_data(world), "document_invitation": upload(), "action": "submit"}
    )
    application = Application.objects.get()
    assert done["Location"] == f"/en/calls/applications/{application.pk}/receipt/"
    receipt = client.get(done["Location"]).content.decode()
    assert application.reference in receipt
    assert client.post(url, {**form_data(world), "action": "save"}).status_code == 200
    assert client.get("/en/calls/shanghai-2027/apply/")["Location"] == url


def test_a_late_submission_is_refused_by_the_server(client, world):
    client.force_login(applicant("lina@example.org"))
    url = client.get("/en/calls/shanghai-2027/apply/")["Location"]
    client.post(url, {**form_data(world), "document_cv": upload(), "document_invitation": upload()})
    call = world["call"]
    call.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    call.save()
    answer = client.post(url, {**form_data(world), "action": "submit"})
    assert answer.status_code == 200
    assert Application.objects.get().status == Application.Status.DRAFT


def test_the_host_is_found_by_name_or_affiliation(client, world):
    client.force_login(applicant("lina@example.org"))
    page = client.get("/en/calls/hosts/", {"q": "fudan"}).content.decode()
    assert "Fudan University" in page
    assert f'value="{world["host"].pk}"' in page
    assert (
        "Centre Léon Bérard" not in client.get("/en/calls/hosts/", {"q": "Léon"}).content.decode()
    )


@pytest.fixture
def two_applicants(world):
    a = submitted(world, "a@example.org")
    b = submitted(world, "b@example.org")
    return a, b


def test_an_applicant_never_sees_another_application_or_its_files(client, two_applicants):
    a, b = two_applicants
    client.force_login(a.applicant)
    document = ApplicationDocument.objects.filter(application=b).first()
    for url in (
        f"/en/calls/applications/{b.pk}/",
        f"/en/calls/applications/{b.pk}/receipt/",
        f"/en/calls/documents/{document.pk}/",
    ):
        assert client.get(url).status_code == 404
    assert client.post(f"/en/calls/applications/{b.pk}/withdraw/").status_code == 404
    own = ApplicationDocument.objects.filter(application=a).first()
    assert b"".join(client.get(f"/en/calls/documents/{own.pk}/").streaming_content) == PDF


def test_a_reviewer_sees_only_their_assignments(client, world, two_applicants):
    a, b = two_applicants
    expert = reviewer("Ann", call=world["call"])
    assignment = services.assign_reviewer(application=a, reviewer=expert, by=None)
    other = services.assign_reviewer(
        application=b, reviewer=reviewer("Bob", call=world["call"]), by=None
    )
    client.force_login(expert.user)
    assert client.get(f"/en/calls/reviews/{assignment.pk}/").status_code == 200
    assert client.get(f"/en/calls/reviews/{other.pk}/").status_code == 404
    of_a = ApplicationDocument.objects.filter(application=a).first()
    of_b = ApplicationDocument.objects.filter(application=b).first()
    assert client.get(f"/en/calls/documents/{of_a.pk}/").status_code == 200
    assert client.get(f"/en/calls/documents/{of_b.pk}/").status_code == 404
    page = client.get("/en/calls/my-applications/").content.decode()
    assert a.reference in page
    assert b.reference not in page
    assert "Bob" not in page
    client.post(f"/en/calls/reviews/{assignment.pk}/", {"action": "conflict", "note": "friend"})
    assert client.get(f"/en/calls/documents/{of_a.pk}/").status_code == 404


def test_a_reviewer_scores_each_criterion(client, world, two_applicants):
    a, _b = two_applicants
    expert = reviewer("Ann", call=world["call"])
    assignment = services.assign_reviewer(application=a, reviewer=expert, by=None)
    quality, feasibility = world["call"].criteria.all()
    client.force_login(expert.user)
    url = f"/en/calls/reviews/{assignment.pk}/"
    data = {f"score_{quality.pk}": "4", f"comment_{quality.pk}": "Good", "comment": "Fine"}
    assert "This field is required" in client.post(url, data).content.decode()
    client.post(url, {**data, f"score_{feasibility.pk}": "3"})
    assert sorted(assignment.scores.values_list("value", flat=True)) == [3, 4]


STAFF_PAGES = [
    "/backoffice/programmes/calls/{call}/applications/",
    "/backoffice/programmes/calls/{call}/ranking/",
    "/backoffice/programmes/applications/{application}/",
    "/backoffice/programmes/documents/{document}/",
]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_refuse_anyone_not_staff(client, world, two_applicants, url):
    a, _b = two_applicants
    url = url.format(call=world["call"].pk, application=a.pk, document=a.documents.first().pk)
    assert client.get(url).status_code == 302
    client.force_login(a.applicant)
    assert client.get(url).status_code == 302
    client.force_login(reviewer("Ann", call=world["call"]).user)
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("role", "sees"), [(VIEWER, False), (EDITOR, True), (AGREEMENTS_MANAGER, True)]
)
@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_by_role(client, django_user_model, world, two_applicants, role, sees, url):
    from django.contrib.auth.models import Group

    a, _b = two_applicants
    staffer = django_user_model.objects.create_user("st", password="pw", is_staff=True)
    staffer.groups.add(Group.objects.get(name=role))
    client.force_login(staffer)
    url = url.format(call=world["call"].pk, application=a.pk, document=a.documents.first().pk)
    assert client.get(url).status_code == (200 if sees else 403)


def test_staff_assign_and_decide_from_the_application_page(staff_client, world, two_applicants):
    a, _b = two_applicants
    ann = reviewer("Ann", call=world["call"])
    reviewer("Colleague", institution=world["lyon"], call=world["call"])
    url = f"/backoffice/programmes/applications/{a.pk}/"
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = staff_client.get(url).content.decode()
    assert "Ann" in page
    assert "Colleague" not in page
    staff_client.post(url, {"action": "assign", "reviewer": ann.pk})
    assert a.assignments.get().reviewer == ann
    refused = staff_client.post(url, {"action": "decide", "outcome": "awarded", "amount": "9000"})
    assert "At most 5000" in refused.content.decode()
    staff_client.post(url, {"action": "decide", "outcome": "awarded", "amount": "4000"})
    assert a.decision.mobility.checklist.count() == 6


def test_the_pages_are_well_formed_html(client, world):
    """No HTML5 parse error, and no id used twice, on every applicant's and reviewer's page."""
    import html5lib

    a, _b = submitted(world, "a@example.org"), submitted(world, "b@example.org")
    draft = services.start_application(
        call=make_call(slug="other", title_en="Other"), user=a.applicant
    )
    expert = reviewer("Ann", call=world["call"])
    assignment = services.assign_reviewer(application=a, reviewer=expert, by=None)
    client.force_login(a.applicant)
    urls = [
        "/fr/appels/",
        "/fr/appels/shanghai-2027/",
        f"/fr/appels/applications/{draft.pk}/",
        f"/fr/appels/applications/{a.pk}/receipt/",
        "/fr/appels/my-applications/",
        "/fr/appels/hosts/?q=fudan",
    ]
    pages = [client.get(url) for url in urls]
    client.force_login(expert.user)
    pages.append(client.get(f"/fr/appels/reviews/{assignment.pk}/"))
    for url, page in zip([*urls, "review"], pages, strict=True):
        assert page.status_code == 200, url
        if url.startswith("/fr/appels/hosts/"):
            continue
        html5lib.HTMLParser(strict=True).parse(page.content)
        ids = re.findall(r'\sid="([^"]+)"', page.content.decode())
        assert len(ids) == len(set(ids)), (url, sorted({i for i in ids if ids.count(i) > 1}))
