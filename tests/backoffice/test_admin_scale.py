"""The admin at scale: every changelist and change form does the same bounded work whatever the
amount of data (query counts at two data sizes, not timings)."""

import datetime
import itertools
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from adminkit.admin import record_version
from events.models import Event, EventParticipant
from institutions.models import Institution, RorMatch, Team
from mobility.models import MobilityExchange
from pagecache.cache import bump_content_version
from partnerships.models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    Partnership,
    PartnershipMember,
)
from partnerships.services import renew_agreement
from people.models import Person
from sources.models import Source, SourceLink
from tests import factories as f

pytestmark = pytest.mark.django_db

_n = itertools.count()


@pytest.fixture
def admin_en(staff_client):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return staff_client


def institutions(count: int) -> list[Institution]:
    """Many institutions in one query (the bulk rows of the big relations)."""
    batch = f.InstitutionFactory.build_batch(count)
    for institution in batch:
        institution.name = institution.name_fr
    return Institution.objects.bulk_create(batch)


def people(count: int) -> list[Person]:
    affiliation = f.InstitutionFactory()
    batch = f.PersonFactory.build_batch(count, affiliation=affiliation)
    return Person.objects.bulk_create(batch)


# --- one maker per registered model: the changelist test covers every admin -------------------


def _user():
    return f.UserFactory()


def _document():
    return AgreementDocument.objects.create(
        agreement=f.AgreementFactory(), title=f"Copy {next(_n)}", file=f"agreements/{next(_n)}.pdf"
    )


def _task_result():
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    return DBTaskResult.objects.create(
        enqueued_at=now,
        run_after=now,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="adminkit.jobs.run_job",
        backend_name="default",
        exception_class_path="",
        traceback="",
    )


def _axes(model_name: str):
    from django.apps import apps

    model = apps.get_model("axes", model_name)
    fields = {"user_agent": "test", "http_accept": "*/*", "path_info": "/admin/login/"}
    if model_name == "AccessAttempt":
        fields |= {"get_data": "", "post_data": "", "failures_since_start": 1}
    return model.objects.create(username=f"user{next(_n)}", ip_address="127.0.0.1", **fields)


def _device(label: str):
    from django.apps import apps

    return apps.get_model(label).objects.create(user=f.UserFactory(), name="phone")


def _concept():
    from thesaurus.models import Concept

    n = next(_n)
    broader = Concept.objects.create(slug=f"broader-{n}", name_fr=f"L {n}", name_en=f"B {n}")
    concept = Concept.objects.create(slug=f"concept-{n}", name_fr=f"Concept {n}", name_en=f"C {n}")
    concept.broader.add(broader)
    concept.themes.add(f.ResearchThemeFactory())
    concept.terms.create(text=f"terme {n}", language="fr", kind="synonym")
    return concept


def _call():
    from tests.programmes.conftest import make_call

    return make_call(slug=f"call-{next(_n)}", partnership=f.PartnershipFactory())


def _application():
    from programmes.models import Application

    n = next(_n)
    return Application.objects.create(
        call=_call(),
        applicant=_user(),
        status=Application.Status.SUBMITTED,
        submitted_at=timezone.now(),
        reference=f"2027-{n}",
        last_name=f"Applicant {n}",
    )


def _reviewer():
    from programmes.models import Reviewer

    return Reviewer.objects.create(
        user=_user(), name=f"Expert {next(_n)}", institution=f.InstitutionFactory()
    )


def _decision_template():
    from programmes.models import DecisionTemplate, Outcome

    return DecisionTemplate.objects.create(
        call=_call(), outcome=Outcome.AWARDED, subject_en="Yes", subject_fr="Oui", body="{name}"
    )


def _checklist_item():
    from programmes.models import ChecklistItem

    return ChecklistItem.objects.create(
        mobility=f.MobilityExchangeFactory(person=f.PersonFactory()),
        application=_application(),
        kind=ChecklistItem.Kind.REPORT,
        owner=ChecklistItem.Owner.FELLOW,
        due_on=datetime.date(2030, 1, 1),
    )


def _quota():
    from programmes.models import Quota

    return Quota.objects.create(
        agreement=f.AgreementFactory(), year=2027, direction="outgoing", places=2
    )


def _introduction():
    from introductions.models import IntroductionRequest

    team = f.TeamFactory()
    return IntroductionRequest.objects.create(
        name="Claire Martin",
        email=f"r{next(_n)}@example.org",
        language="fr",
        message="A partner on liver cancer.",
        subject=str(team),
        consent_at=timezone.now(),
        team=team,
        clara_team=f.TeamFactory(),
        assignee=_user(),
    )


def _contact():
    from contacts.models import PartnerContact

    contact = PartnerContact.objects.create(
        name=f"Contact {next(_n)}",
        institution=f.InstitutionFactory(),
        partnership=f.PartnershipFactory(),
    )
    contact.exchanges.create(date=datetime.date(2026, 1, 1), summary="Call", by=_user())
    return contact


def _saved_search():
    from savedsearches.models import SavedSearch

    return SavedSearch.objects.create(
        email=f"s{next(_n)}@example.org", kind="teams", query_string="q=liver", language="en"
    )


MAKERS = {
    "programmes.quota": _quota,
    "programmes.call": _call,
    "programmes.application": _application,
    "programmes.reviewer": _reviewer,
    "programmes.decisiontemplate": _decision_template,
    "programmes.checklistitem": _checklist_item,
    "auth.user": _user,
    "introductions.introductionrequest": _introduction,
    "contacts.partnercontact": _contact,
    "savedsearches.savedsearch": _saved_search,
    "auth.group": lambda: Group.objects.create(name=f"group {next(_n)}"),
    "otp_totp.totpdevice": lambda: _device("otp_totp.TOTPDevice"),
    "otp_static.staticdevice": lambda: _device("otp_static.StaticDevice"),
    "axes.accessattempt": lambda: _axes("AccessAttempt"),
    "axes.accesslog": lambda: _axes("AccessLog"),
    "axes.accessfailurelog": lambda: _axes("AccessFailureLog"),
    "django_tasks_database.dbtaskresult": _task_result,
    "alerts.reminderlog": lambda: __import__("alerts.models").models.ReminderLog.objects.create(
        kind=__import__("alerts.models").models.ReminderLog.Kind.values[0],
        object_id=1,
        due_on=datetime.date(2030, 1, 1),
        recipient=_user(),
    ),
    "alerts.calendartoken": lambda: __import__("alerts.models").models.CalendarToken.objects.create(
        user=_user()
    ),
    "themes.researchtheme": lambda: f.ResearchThemeFactory(parent=f.ResearchThemeFactory()),
    "thesaurus.concept": _concept,
    "institutions.institution": lambda: f.TeamFactory().institution,
    "institutions.team": lambda: f.TeamFactory(leader=f.PersonFactory()),
    "institutions.rormatch": lambda: RorMatch.objects.create(
        institution=f.InstitutionFactory(),
        ror_id=f"0{next(_n):08d}",
        ror_name="Example",
        confidence="0.9",
    ),
    "sources.source": lambda: Source.objects.create(key=f"s-{next(_n)}", title="Press release"),
    "people.person": f.PersonFactory,
    "partnerships.partnership": lambda: f.PartnershipMemberFactory().partnership,
    "partnerships.agreement": lambda: f.AgreementPartyFactory().agreement,
    "partnerships.agreementdocument": _document,
    "partnerships.keyfigure": f.KeyFigureFactory,
    "partnerships.partnershipmember": f.PartnershipMemberFactory,
    "partnerships.agreementparty": lambda: f.AgreementPartyFactory(signatory=f.PersonFactory()),
    "mobility.mobilityexchange": f.MobilityExchangeFactory,
    "euprojects.project": lambda: f.ParticipationFactory().project,
    "euprojects.participation": f.ParticipationFactory,
    "euprojects.organisationmatch": f.OrganisationMatchFactory,
    "events.event": lambda: f.EventFactory(partnership=f.PartnershipFactory()),
    "events.eventparticipant": lambda: EventParticipant.objects.create(
        event=f.EventFactory(), person=f.PersonFactory()
    ),
    "reports.reportdefinition": lambda: _report_definition(),
    "reports.reportedition": lambda: _report_edition(),
    "reports.partnershipnarrative": lambda: __import__(
        "reports.models"
    ).models.PartnershipNarrative.objects.create(
        partnership=f.PartnershipFactory(), year=2025, highlights_fr="Faits", highlights_en="Facts"
    ),
}


def _report_definition():
    from reports.models import ReportDefinition

    n = next(_n)
    return ReportDefinition.objects.create(
        slug=f"report-{n}", name_fr=f"Rapport {n}", name_en=f"Report {n}", sections=["events"]
    )


def _report_edition():
    from reports.selectors import Period
    from reports.services import generate_edition

    return generate_edition(
        definition=_report_definition(),
        period=Period.calendar_year(2025),
        user=f.UserFactory(is_superuser=True, is_staff=True),
    )


REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)


def test_every_registered_admin_has_a_maker():
    assert sorted(MAKERS) == REGISTERED


def changelist(client, model_label: str):
    app_label, model_name = model_label.split(".")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/{app_label}/{model_name}/")
    assert response.status_code == 200, model_label
    return len(queries), len(response.content), response


def longest_row(html: str) -> int:
    """The length of the longest row of the list's table (its markup, as the theme writes it)."""
    body = html.split('id="result_list"', 1)[1].split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return max(len(row) for row in re.findall(r"<tr\b.*?</tr>", body, re.S))


@pytest.mark.parametrize("model_label", REGISTERED)
def test_changelist_work_is_flat(admin_en, model_label):
    make = MAKERS[model_label]
    for _ in range(2):
        make()
    few, few_size, first = changelist(admin_en, model_label)
    for _ in range(8):
        make()
    many, many_size, response = changelist(admin_en, model_label)
    assert many == few, f"{model_label}: {few} queries with few rows, {many} with more"
    # The page grows by its rows only (each no longer than its longest row, with at most one
    # in-use filter choice of its own), never by a sidebar of every choice.
    added = response.context["cl"].result_count - first.context["cl"].result_count
    row = longest_row(response.content.decode())
    assert 0 < added <= 16, (model_label, added)
    assert many_size - few_size < added * (row + 1_000), (model_label, few_size, many_size, row)
    assert response.context["cl"].show_full_result_count is False


# --- change forms -------------------------------------------------------------------------------


def change_form(client, url: str):
    client.get(url)  # warm the per-process caches (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_partnership_form_is_bounded_whatever_its_members(admin_en):
    small, big = f.PartnershipFactory(), f.PartnershipFactory()
    for partnership, count in ((small, 2), (big, 45)):
        PartnershipMember.objects.bulk_create(
            PartnershipMember(partnership=partnership, institution=i) for i in institutions(count)
        )
        for _ in range(2 if count == 2 else 14):
            f.MobilityExchangeFactory(partnership=partnership)
    few, _ = change_form(admin_en, f"/admin/partnerships/partnership/{small.pk}/change/")
    many, page = change_form(admin_en, f"/admin/partnerships/partnership/{big.pk}/change/")
    assert many == few <= 50
    assert page.count('name="members-') < 200  # 10 rows of a few inputs, not 45
    members_url = f"/admin/partnerships/partnershipmember/?partnership__id__exact={big.pk}"
    assert members_url in page
    assert "View and edit all 45" in page
    assert "14 mobility exchanges" in page or "View and edit all 14" in page


def test_agreement_form_is_bounded_whatever_its_parties(admin_en):
    small, big = f.AgreementFactory(), f.AgreementFactory()
    signatories = people(60)
    for agreement, count in ((small, 2), (big, 60)):
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=agreement, institution=i, signatory=p, position=n)
            for n, (i, p) in enumerate(zip(institutions(count), signatories, strict=False))
        )
    few, _ = change_form(admin_en, f"/admin/partnerships/agreement/{small.pk}/change/")
    many, page = change_form(admin_en, f"/admin/partnerships/agreement/{big.pk}/change/")
    assert many == few <= 50
    assert f"/admin/partnerships/agreementparty/?agreement__id__exact={big.pk}" in page
    assert "View and edit all 60" in page
    # The shown parties keep their institution and signatory, labelled without a query each.
    first = AgreementParty.objects.filter(agreement=big).order_by("position").first()
    assert str(first.institution) in page
    assert first.signatory.full_name in page


def test_institution_form_is_bounded_whatever_its_teams(admin_en):
    small, big = f.InstitutionFactory(), f.InstitutionFactory()
    for institution, count in ((small, 1), (big, 30)):
        batch = f.TeamFactory.build_batch(count, institution=institution)
        for team in batch:
            team.name = team.name_fr
        Team.objects.bulk_create(batch)
    few, _ = change_form(admin_en, f"/admin/institutions/institution/{small.pk}/change/")
    many, page = change_form(admin_en, f"/admin/institutions/institution/{big.pk}/change/")
    assert many == few <= 50
    assert f"/admin/institutions/team/?institution__id__exact={big.pk}" in page


def test_the_full_list_link_lists_every_member(admin_en):
    partnership = f.PartnershipFactory()
    members = institutions(12)
    PartnershipMember.objects.bulk_create(
        PartnershipMember(partnership=partnership, institution=i) for i in members
    )
    other = f.PartnershipMemberFactory()  # of another partnership
    page = admin_en.get(f"/admin/partnerships/partnership/{partnership.pk}/change/")
    link = re.search(r'href="([^"]*partnershipmember/\?[^"]*)"', page.content.decode())[1]
    listed = admin_en.get(link.replace("&amp;", "&"))
    assert listed.status_code == 200
    names = {str(m.institution) for m in listed.context["cl"].result_list}
    assert names == {str(i) for i in members}
    assert str(other.institution) not in names


def test_autocomplete_filter_filters_agreements_by_partnership(admin_en):
    wanted, other = f.AgreementFactory(), f.AgreementFactory()
    response = admin_en.get(
        f"/admin/partnerships/agreement/?partnership__id__exact={wanted.partnership_id}"
    )
    assert list(response.context["cl"].result_list) == [wanted]
    page = response.content.decode()
    assert 'class="clara-autocomplete-filter"' in page
    assert "admin-autocomplete" in page  # the admin's autocomplete widget, not a list
    assert str(wanted.partnership) in page  # the chosen partnership is shown by name
    assert str(other.partnership) not in page  # the others are not listed
    assert "js/admin_autocomplete_filter.js" in page
    # The autocomplete view answers the filter's searches.
    found = admin_en.get(
        "/admin/autocomplete/",
        {
            "app_label": "partnerships",
            "model_name": "agreement",
            "field_name": "partnership",
            "term": str(wanted.partnership.name)[:12],
        },
    ).json()
    assert str(wanted.partnership_id) in {r["id"] for r in found["results"]}


def test_participant_sources_are_edited_on_the_participant_page(admin_en):
    participant = EventParticipant.objects.create(event=f.EventFactory(), person=f.PersonFactory())
    source = Source.objects.create(key="press-2012", title="Press release 2012")
    url = f"/admin/events/eventparticipant/{participant.pk}/change/"
    prefix = "sources-sourcelink-content_type-object_id"
    response = admin_en.post(
        url,
        {
            "event": participant.event_id,
            "person": participant.person_id,
            "role": "attended the signing",
            "position": 0,
            "loaded_version": record_version(participant),
            f"{prefix}-TOTAL_FORMS": 1,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-0-source": source.pk,
            f"{prefix}-0-locator": "p. 2",
            f"{prefix}-0-position": 0,
        },
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    link = SourceLink.objects.get()
    assert (link.record, link.source, link.locator) == (participant, source, "p. 2")
    # The event's page links to the participant's own page.
    event_page = admin_en.get(f"/admin/events/event/{participant.event_id}/change/")
    assert url in event_page.content.decode()


def dashboard_records():
    today = timezone.localdate()
    f.AgreementFactory(
        status="in_force",
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=30),
    )
    f.MobilityExchangeFactory(
        planned_start=today - datetime.timedelta(days=10),
        planned_end=today + datetime.timedelta(days=80),
    )
    # A renewal notice due, a renewal in progress, a departure and a return, a ROR proposal.
    for ends_in in (40, 150):
        renewed = f.AgreementFactory(
            status="in_force",
            start_date=today - datetime.timedelta(days=300),
            end_date=today + datetime.timedelta(days=ends_in),
            renewal_notice_days=60,
        )
    renew_agreement(
        agreement=renewed,
        reference=f"{renewed.reference}-R",
        slug=f"{renewed.slug}-r",
        start_date=None,
        end_date=None,
    )
    f.MobilityExchangeFactory(
        planned_start=today + datetime.timedelta(days=10),
        planned_end=today + datetime.timedelta(days=50),
    )
    RorMatch.objects.create(
        institution=f.InstitutionFactory(), ror_id="038t36y30", ror_name="ROR", confidence="0.9"
    )
    f.EventFactory(partnership=f.PartnershipFactory())
    f.KeyFigureFactory()
    f.InstitutionFactory(name_en="")  # a translation to do


def dashboard_queries(client) -> tuple[int, int, str]:
    """The dashboard's queries when its figures are computed (after a change of content), then
    when they are read from the cache."""
    bump_content_version()
    with CaptureQueriesContext(connection) as cold:
        client.get("/admin/")
    with CaptureQueriesContext(connection) as warm:
        page = client.get("/admin/").content.decode()
    return len(cold), len(warm), page


def dashboard_section(page: str) -> str:
    start = page.index('<section class="clara-dashboard"')
    return page[start : page.index("</section>", start)]


def test_dashboard_work_is_flat(admin_en):
    for _ in range(2):
        dashboard_records()
    admin_en.get("/admin/")  # the per-process caches (content types)
    few_cold, few_warm, _ = dashboard_queries(admin_en)
    for _ in range(8):
        dashboard_records()
    many_cold, many_warm, page = dashboard_queries(admin_en)
    assert (many_cold, many_warm) == (few_cold, few_warm)
    # The figures are computed once per content version, then read from the cache.
    assert many_warm < few_cold - 20
    dashboard = dashboard_section(page)
    # Unsourced partnerships: the first few, linked, whatever their number.
    assert len(re.findall(r"/admin/partnerships/partnership/\d+/change/", dashboard)) == 5


def test_dashboard_work_is_flat_at_two_data_sizes(admin_en, synthetic_data, settings):
    """Synthetic data at two sizes; the bigger one crosses the dashboard's count limit."""
    settings.ADMIN_DASHBOARD_COUNT_LIMIT = 3
    synthetic_data(scale=0.001)
    f.InstitutionFactory(name_en="")  # translations to do: one, then more than the limit
    admin_en.get("/admin/")
    small_cold, small_warm, page = dashboard_queries(admin_en)
    assert "Institutions: 1<" in dashboard_section(page)
    synthetic_data(scale=0.003, seed=2)
    for _ in range(4):
        f.InstitutionFactory(name_en="")
    big_cold, big_warm, page = dashboard_queries(admin_en)
    assert (big_cold, big_warm) == (small_cold, small_warm)
    assert "Institutions: more than 3" in dashboard_section(page)


def test_an_admin_edit_refreshes_the_dashboard_figures(admin_en):
    """A staff member's change in the admin (here a bulk action) shows on the next dashboard."""
    first, _second = f.InstitutionFactory(name_en=""), f.InstitutionFactory(name_en="")
    gaps = '/admin/institutions/institution/?translation=missing">Institutions: {}<'
    assert gaps.format(2) in admin_en.get("/admin/").content.decode()
    response = admin_en.post(
        "/admin/institutions/institution/",
        {"action": "delete_selected", "_selected_action": [first.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert gaps.format(1) in admin_en.get("/admin/").content.decode()


def test_the_dashboard_reads_the_shared_content_version_afresh(admin_en, settings):
    """Another server process's change (its version in the shared cache) shows at once, even
    though pages keep their copy of the versions for a second."""
    import time

    from django.core.cache import caches

    from pagecache.versions import PREFIX, content_version

    settings.PAGE_CACHE_VERSION_SECONDS = 60
    institution = f.InstitutionFactory(name_en="")
    content_version()  # this process's copy, kept for a minute
    assert "Institutions: 1<" in admin_en.get("/admin/").content.decode()
    Institution.objects.filter(pk=institution.pk).update(name_en="Translated")  # no signal
    another_process = str(time.time_ns())
    caches["default"].set(f"{PREFIX}institutions.institution", another_process, timeout=None)
    page = admin_en.get("/admin/").content.decode()
    assert "Every record is in French and English." in page


def test_the_dashboard_is_never_kept_in_the_page_cache(admin_en, settings):
    settings.PAGE_CACHE_SECONDS = 600
    response = admin_en.get("/admin/")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


# --- two data sizes: the synthetic data, with the limits lowered so that the bigger crosses them


LISTS = [
    Institution,
    Team,
    Person,
    Partnership,
    Agreement,
    MobilityExchange,
    Event,
    PartnershipMember,
    AgreementParty,
]


def list_queries(client, settings, model) -> dict:
    opts = model._meta
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
    assert response.status_code == 200, opts.label
    return {"queries": len(queries), "count_is": response.context["cl"].paginator.count_is}


def test_changelists_do_the_same_work_below_and_above_the_count_limit(
    admin_en, synthetic_data, settings
):
    synthetic_data(scale=0.001)
    small, limits = {}, {}
    for model in LISTS:
        # The limit is the small size: counted exactly, the bigger size passes it.
        limits[model] = settings.ADMIN_EXACT_COUNT_LIMIT = model.objects.count()
        list_queries(admin_en, settings, model)  # the per-process caches
        small[model] = list_queries(admin_en, settings, model)
        assert small[model]["count_is"] == "exact", model
    synthetic_data(scale=0.003, seed=2)
    for model in LISTS:
        settings.ADMIN_EXACT_COUNT_LIMIT = limits[model]
        list_queries(admin_en, settings, model)  # the caches kept per content version
        big = list_queries(admin_en, settings, model)
        assert big["count_is"] in {"at_least", "estimate"}, model
        assert big["queries"] == small[model]["queries"], (
            f"{model._meta.label}: {small[model]['queries']} queries below the limit, "
            f"{big['queries']} above"
        )


def with_related(model, relation: str):
    return model.objects.annotate(n=Count(relation)).filter(n__gte=1)


FORMS = [
    (Partnership, "members", "partnerships/partnership"),
    (Agreement, "parties", "partnerships/agreement"),
    (Institution, "teams", "institutions/institution"),
]


def test_big_change_forms_do_the_same_work_at_two_data_sizes(admin_en, synthetic_data):
    """A record with few related rows in the small data, the biggest in the larger data: its
    inline is cut (with a link to the full list) and its relations differ, not the queries."""
    synthetic_data(scale=0.001)
    small = {}
    for model, relation, path in FORMS:
        record = with_related(model, relation).order_by("n", "pk").first()
        small[model], page = change_form(admin_en, f"/admin/{path}/{record.pk}/change/")
        assert f"View and edit all {record.n}</a>" not in page
    synthetic_data(scale=0.003, seed=2)
    for model, relation, path in FORMS:
        record = with_related(model, relation).order_by("-n", "pk").first()
        many, page = change_form(admin_en, f"/admin/{path}/{record.pk}/change/")
        assert many == small[model] <= 50, model._meta.label
        assert f"View and edit all {record.n}</a>" in page, model._meta.label


def export_queries(resource_class, model, user) -> int:
    with CaptureQueriesContext(connection) as queries:
        dataset = resource_class(user=user).export(queryset=model.objects.all())
    assert len(dataset) == model.objects.count()
    return len(queries)


@pytest.mark.parametrize(
    ("resource_path", "make"),
    [
        (
            "institutions.resources.InstitutionResource",
            lambda: f.InstitutionFactory(parent=f.InstitutionFactory()),
        ),
        (
            "institutions.resources.TeamResource",
            lambda: MAKERS["institutions.team"]().themes.add(f.ResearchThemeFactory()),
        ),
        ("people.resources.PersonResource", f.PersonFactory),
        (
            "mobility.resources.MobilityExchangeResource",
            lambda: f.MobilityExchangeFactory(partnership=f.PartnershipFactory()),
        ),
        ("partnerships.resources.AgreementResource", MAKERS["partnerships.agreement"]),
    ],
)
def test_exports_read_related_records_once_not_per_row(admin_user, resource_path, make):
    import importlib

    module, name = resource_path.rsplit(".", 1)
    resource_class = getattr(importlib.import_module(module), name)
    model = resource_class._meta.model
    for _ in range(2):
        make()
    few = export_queries(resource_class, model, admin_user)
    for _ in range(8):
        make()
    assert export_queries(resource_class, model, admin_user) == few


def test_the_filter_never_names_a_confidential_agreement(role_client):
    from backoffice.roles import EDITOR

    secret = f.AgreementFactory(
        title_en="Secret pact", title_fr="Pacte secret", is_confidential=True
    )
    f.AgreementPartyFactory(agreement=secret)
    page = role_client(EDITOR).get(
        f"/admin/partnerships/agreementparty/?agreement__id__exact={secret.pk}"
    )
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == []
    assert "Secret pact" not in page.content.decode()
    assert "Pacte secret" not in page.content.decode()


def test_autocompletes_page_without_counting(admin_en):
    for number in range(25):
        f.PartnershipFactory(name_fr=f"Réseau cancer {number}", name_en=f"Cancer network {number}")
    url = "/admin/autocomplete/"
    params = {"app_label": "partnerships", "model_name": "agreement", "field_name": "partnership"}
    with CaptureQueriesContext(connection) as queries:
        first = admin_en.get(url, params | {"term": "cancer"}).json()
    assert not any(q["sql"].startswith("SELECT COUNT(") for q in queries.captured_queries)
    assert (len(first["results"]), first["pagination"]["more"]) == (20, True)
    last = admin_en.get(url, params | {"term": "cancer", "page": 2}).json()
    assert (len(last["results"]), last["pagination"]["more"]) == (5, False)


# --- the search box -----------------------------------------------------------------------------


def searched(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def test_the_search_box_reads_related_names_by_their_own_indexes(admin_en, settings):
    settings.ADMIN_SEARCH_RELATED_MATCHES = 50
    martin = f.PersonFactory(last_name="Martinez", first_name="Ana")
    gustave = f.InstitutionFactory(name_fr="Institut Gustave Roussy", name_en="Gustave Roussy")
    by_person = f.MobilityExchangeFactory(person=martin)
    by_host = f.MobilityExchangeFactory(host_institution=gustave)
    other = f.MobilityExchangeFactory()
    page, sql = searched(admin_en, "/admin/mobility/mobilityexchange/?q=martin")
    assert f"/{by_person.pk}/change/" in page
    assert f"/{other.pk}/change/" not in page
    listed = next(s for s in sql if 'FROM "mobility_mobilityexchange"' in s and "LIMIT 100" in s)
    # Each related name is matched on its own table (its trigram index), a bounded set of keys.
    assert 'JOIN "people_person"' not in listed.split("WHERE", 1)[1]
    assert "LIMIT 50" in listed
    page, _sql = searched(admin_en, "/admin/mobility/mobilityexchange/?q=institut+gustave")
    assert f"/{by_host.pk}/change/" in page
    assert f"/{by_person.pk}/change/" not in page
    # A short term is a prefix: "Ma" finds Martinez, not every name holding "ma".
    page, _sql = searched(admin_en, "/admin/people/person/?q=Ma")
    assert f"/{martin.pk}/change/" in page
    f.PersonFactory(last_name="Zuma", first_name="Jo")
    assert "Zuma" not in searched(admin_en, "/admin/people/person/?q=ma")[0]
    assert "Zuma" in searched(admin_en, "/admin/people/person/?q=zum")[0]


def test_a_search_runs_the_same_queries_at_two_sizes(admin_en):
    def grow(n):
        for _ in range(n):
            f.MobilityExchangeFactory(person=f.PersonFactory(last_name="Martin"))

    grow(2)
    admin_en.get("/admin/mobility/mobilityexchange/?q=martin")
    few = len(searched(admin_en, "/admin/mobility/mobilityexchange/?q=martin")[1])
    grow(8)
    admin_en.get("/admin/mobility/mobilityexchange/?q=martin")  # the filters' values, once
    many = len(searched(admin_en, "/admin/mobility/mobilityexchange/?q=martin")[1])
    assert many == few


def test_a_deep_changelist_page_skips_keys_not_joined_rows(admin_en, monkeypatch):
    from core import paging
    from mobility.admin import MobilityExchangeAdmin

    monkeypatch.setattr(paging, "DEEP_PAGE_ROWS", 4)
    monkeypatch.setattr(MobilityExchangeAdmin, "list_per_page", 3)
    made = [
        f.MobilityExchangeFactory(
            planned_start=datetime.date(2020, 1, 1 + n), planned_end=datetime.date(2021, 1, 1)
        )
        for n in range(10)
    ]
    expected = [m.pk for m in sorted(made, key=lambda m: m.planned_start, reverse=True)][6:9]
    with CaptureQueriesContext(connection) as queries:
        page = admin_en.get("/admin/mobility/mobilityexchange/?p=3").content.decode()
    shown = [int(pk) for pk in re.findall(r"/admin/mobility/mobilityexchange/(\d+)/change/", page)]
    assert list(dict.fromkeys(shown)) == expected
    offsets = [q["sql"] for q in queries.captured_queries if "OFFSET 6" in q["sql"]]
    assert offsets
    assert all("JOIN" not in sql for sql in offsets)  # the skipped rows are keys only
