"""Guards every admin of the site has by construction, proved by walking every registered one:
a Viewer cannot revert a record through its history form, history lists name no record the
user may not see, "view on site" leads only to records the user may see."""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.urls import NoReverseMatch, reverse
from simple_history.admin import SimpleHistoryAdmin

from adminkit.admin import ClaraAdminForm, GuardedHistoryMixin, VersionedAdmin
from backoffice.roles import AGREEMENTS_MANAGER, EDITOR, VIEWER
from events.models import EventParticipant
from institutions.models import RorMatch
from partnerships.models import AgreementDocument
from programmes.models import DecisionTemplate
from sources.models import Source
from tests import factories as f
from tests.conftest import DATASET_APPS
from tests.helpers import admin_form_data
from tests.programmes.conftest import make_call

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _introduction_request():
    from django.utils import timezone

    from introductions.models import IntroductionRequest

    team = f.TeamFactory()
    return IntroductionRequest.objects.create(
        name="Claire Martin",
        email="claire@example.org",
        language="fr",
        message="A partner on liver cancer.",
        subject=str(team),
        consent_at=timezone.now(),
        team=team,
    )


def build(model):
    """One record of `model` (each model whose admin has history pages has a builder here:
    the walk fails for a new one until it is added)."""
    builders = {
        "themes.researchtheme": f.ResearchThemeFactory,
        "thesaurus.concept": lambda: __import__("thesaurus.models").models.Concept.objects.create(
            slug="liver-cancer", name_fr="Cancer du foie", name_en="Liver cancer"
        ),
        "institutions.institution": f.InstitutionFactory,
        "institutions.team": f.TeamFactory,
        "institutions.rormatch": lambda: RorMatch.objects.create(
            institution=f.InstitutionFactory(),
            ror_id="01cmnjq37",
            ror_name="Centre Léon Bérard",
            confidence="0.800",
        ),
        "sources.source": lambda: Source.objects.create(key="press", title="Press release"),
        "people.person": f.PersonFactory,
        "partnerships.partnership": f.PartnershipFactory,
        "partnerships.partnershipmember": f.PartnershipMemberFactory,
        "partnerships.keyfigure": f.KeyFigureFactory,
        "partnerships.agreement": f.AgreementFactory,
        "partnerships.agreementparty": f.AgreementPartyFactory,
        "mobility.mobilityexchange": f.MobilityExchangeFactory,
        "euprojects.organisationmatch": f.OrganisationMatchFactory,
        "events.event": f.EventFactory,
        "events.eventparticipant": lambda: EventParticipant.objects.create(
            event=f.EventFactory(), person=f.PersonFactory()
        ),
        "programmes.call": make_call,
        "programmes.decisiontemplate": lambda: DecisionTemplate.objects.create(
            outcome="awarded", subject_en="Yes", subject_fr="Oui", body_en="{name}"
        ),
        "reports.reportdefinition": lambda: __import__(
            "reports.models"
        ).models.ReportDefinition.objects.create(
            slug="annual", name_fr="Bilan", name_en="Review", sections=["events"]
        ),
        "reports.partnershipnarrative": lambda: __import__(
            "reports.models"
        ).models.PartnershipNarrative.objects.create(
            partnership=f.PartnershipFactory(), year=2025, highlights_fr="Faits"
        ),
        "contacts.partnercontact": lambda: __import__(
            "contacts.models"
        ).models.PartnerContact.objects.create(name="Li Wei", institution=f.InstitutionFactory()),
        "introductions.introductionrequest": _introduction_request,
    }
    return builders[model._meta.label_lower]()


def history_admins():
    return [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ]


def revert_url(model, pk, version) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[pk, version])


def test_every_admin_with_history_pages_is_guarded():
    assert history_admins()
    for model_admin in admin.site._registry.values():
        model = model_admin.model
        if isinstance(model_admin, SimpleHistoryAdmin):
            assert isinstance(model_admin, GuardedHistoryMixin), model
        else:
            with pytest.raises(NoReverseMatch):  # no revert form at all
                revert_url(model, 1, 1)


def test_every_admin_of_the_project_records_locks_them():
    """Optimistic locking by construction: every admin of the dataset's records is a
    VersionedAdmin whose form carries the version it was loaded at."""
    for model_admin in admin.site._registry.values():
        if model_admin.model._meta.app_label in DATASET_APPS:
            assert isinstance(model_admin, VersionedAdmin), model_admin.model
            assert issubclass(model_admin.form, ClaraAdminForm), model_admin.model


def test_an_unguarded_history_admin_is_named_by_the_system_check(monkeypatch):
    from adminkit.admin_scale import check_every_admin

    assert check_every_admin() == []
    site = admin.AdminSite(name="late")

    class Plain(SimpleHistoryAdmin):
        pass

    site.register(Source, Plain)
    monkeypatch.setattr(admin, "site", site)
    errors = check_every_admin()
    assert {error.id for error in errors} == {"adminkit.E001"}
    assert {error.obj for error in errors} == {Plain}
    assert any("GuardedHistoryMixin" in error.msg for error in errors)
    assert any("ScaledListMixin" in error.msg for error in errors)


def test_a_viewer_can_revert_nothing(client, make_staff, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "pw-1")
    viewer = make_staff(VIEWER)
    for model_admin in history_admins():
        model = model_admin.model
        record = build(model)
        record.save()  # a second version to revert from
        version = record.history.earliest().history_id
        url = revert_url(model, record.pk, version)
        client.force_login(superuser)
        data = admin_form_data(client.get(url))
        before = (record.history.count(), list(model.objects.filter(pk=record.pk).values()))

        client.force_login(viewer)
        response = client.post(url, data)

        assert response.status_code in {403, 404}, (model, response.status_code)
        after = (record.history.count(), list(model.objects.filter(pk=record.pk).values()))
        assert after == before, model


def secret_relations():
    """Every (admin with history, relation) whose related model has a visibility rule."""
    found = []
    for model_admin in history_admins():
        for field in model_admin.model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if (
                isinstance(field, (models.ForeignKey, models.ManyToManyField))
                and related is not None
                and hasattr(related, "is_visible_to")
            ):
                found.append((model_admin.model, field))
    return found


@pytest.mark.parametrize("role", [VIEWER, EDITOR])
def test_history_lists_withhold_records_the_user_may_not_see(role_client, role):
    relations = secret_relations()
    assert {(m._meta.model_name, fld.name) for m, fld in relations} >= {
        ("mobilityexchange", "agreement"),
        ("agreement", "successor"),
    }
    secret = f.AgreementFactory(reference="CONF-77", title_en="Hush accord", is_confidential=True)
    public = f.AgreementFactory(reference="OPEN-77", title_en="Open accord")
    pages = []
    for model, field in relations:
        record = build(model)
        for value in (secret, public):  # the change from the secret one is in the list
            if field.many_to_many:
                getattr(record, field.name).set([value])
            else:
                setattr(record, field.name, value)
            record.save()
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk]))
    client = role_client(role)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "OPEN-77" in content, url  # the diff is listed…
        assert "CONF-77" not in content, url  # …not the secret
        assert "Hush accord" not in content, url
        assert "Confidential record (withheld)" in content, url


@pytest.mark.parametrize(
    ("role", "sees"), [(VIEWER, False), (EDITOR, False), (AGREEMENTS_MANAGER, True)]
)
def test_the_reported_history_lists(role_client, role, sees):
    """The two reproductions: a mobility moved off a confidential agreement, and an agreement
    "renewed by" a confidential one."""
    secret = f.AgreementFactory(reference="CONF-9", title_en="Hush accord", is_confidential=True)
    mobility = f.MobilityExchangeFactory(agreement=secret)
    mobility.agreement = None
    mobility.save()
    renewed = f.AgreementFactory(reference="OPEN-9")
    renewed.successor = secret
    renewed.save()
    client = role_client(role)
    for url in (
        f"/admin/mobility/mobilityexchange/{mobility.pk}/history/",
        f"/admin/partnerships/agreement/{renewed.pk}/history/",
    ):
        assert ("CONF-9" in client.get(url).content.decode()) is sees, url


def document(agreement):
    record = AgreementDocument(agreement=agreement, title="Signed copy")
    record.file.save("signed.pdf", ContentFile(PDF), save=True)
    return record


@pytest.mark.parametrize(
    ("role", "sees_secret", "sees_hidden"),
    [(None, False, False), (VIEWER, False, True), (AGREEMENTS_MANAGER, True, True)],
)
def test_view_on_site_only_for_records_the_user_may_see(
    role_client, role, sees_secret, sees_hidden
):
    secret = f.AgreementFactory(slug="secret-slug", is_confidential=True)
    hidden = f.PartnershipFactory(slug="hidden-slug", is_public=False)
    client = role_client(role)
    for record, sees in ((secret, sees_secret), (hidden, sees_hidden)):
        content_type = ContentType.objects.get_for_model(record)
        response = client.get(f"/admin/r/{content_type.pk}/{record.pk}/")
        if sees:
            assert response.status_code == 302
            assert record.slug in response["Location"]
        else:
            assert response.status_code == 404
            assert record.slug not in response.get("Location", "")
    secret_file = document(secret)
    content_type = ContentType.objects.get_for_model(secret_file)
    response = client.get(f"/admin/r/{content_type.pk}/{secret_file.pk}/")
    assert response.status_code == (302 if sees_secret else 404)
    secret_file.file.delete(save=False)


@pytest.mark.django_db(transaction=True)
def test_an_editor_reverts_a_record(role_client):
    """On PostgreSQL the revert's row lock needs the transaction the history form now has
    (outside a test's own transaction, as in production)."""
    team = f.TeamFactory(name_en="Before")
    team.name_en = "After"
    team.save()
    client = role_client(EDITOR)
    url = revert_url(type(team), team.pk, team.history.earliest().history_id)
    data = admin_form_data(client.get(url))
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    team.refresh_from_db()
    assert team.name_en == "Before"
