import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mobility.models import MobilityExchange
from programmes import selectors, services
from programmes.models import Application, ChecklistItem, Decision, Outcome

from .conftest import applicant, fill, pdf, reviewer, submitted

pytestmark = pytest.mark.django_db


def test_an_application_is_submitted_with_a_reference_and_a_receipt(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submitted(world)
    assert application.status == Application.Status.SUBMITTED
    assert application.reference.endswith(f"-{application.pk:05d}")
    assert len(mail.outbox) == 1
    assert application.reference in mail.outbox[0].subject
    assert mail.outbox[0].to == ["lina@example.org"]


def test_a_submission_one_second_after_the_deadline_is_refused(world):
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    fill(application, world)
    late = world["call"].closes_at + datetime.timedelta(seconds=1)
    with pytest.raises(ValidationError, match="closed"):
        services.submit_application(application=application, at=late)
    with pytest.raises(ValidationError, match="closed"):
        services.submit_application(application=application, at=world["call"].closes_at)
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert not application.reference
    just_before = world["call"].closes_at - datetime.timedelta(seconds=1)
    services.submit_application(application=application, at=just_before)


def test_a_deadline_moved_earlier_while_applying_is_the_one_applied(world):
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    fill(application, world)
    world["call"].closes_at = timezone.now() - datetime.timedelta(minutes=1)
    world["call"].save()
    with pytest.raises(ValidationError, match="closed"):
        services.submit_application(application=application)


def test_each_broken_rule_is_named_before_submission(world):
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    fill(
        application,
        world,
        career_stage="engineer",
        host_institution=world["elsewhere"],
        requested_amount=Decimal("9000"),
        end_date=timezone.localdate() + datetime.timedelta(days=400),
    )
    problems = " ".join(selectors.eligibility_problems(application))
    assert "not open to: Engineer" in problems
    assert "not one of the institutions of this call's partnerships" in problems
    assert "does not fund stays in United States" in problems
    assert "at most 6 months" in problems
    assert "At most 5000" in problems
    with pytest.raises(ValidationError):
        services.submit_application(application=application)


def test_a_missing_document_is_named(world):
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    application.documents.all().delete()
    assert "The document “Curriculum vitae” is missing." in selectors.eligibility_problems(
        application
    )


def test_one_application_per_applicant_and_call(world):
    user = applicant("a@example.org")
    first = services.start_application(call=world["call"], user=user)
    assert services.start_application(call=world["call"], user=user) == first
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.docx", b"PK\x03\x04", "Only PDF files are accepted."),
        ("cv.pdf", b"<html>", "not a PDF document"),
    ],
)
def test_bad_pdfs_are_refused_with_a_message_and_nothing_written(world, name, content, message):
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    with pytest.raises(ValidationError, match=message):
        services.save_draft(
            application=application, values={"last_name": "X"}, files={"cv": pdf(name, content)}
        )
    application.refresh_from_db()
    assert application.last_name == ""
    assert not application.documents.exists()


def test_a_too_large_pdf_is_refused(world, settings):
    settings.AGREEMENT_DOCUMENT_MAX_BYTES = 10
    application = services.start_application(call=world["call"], user=applicant("a@example.org"))
    with pytest.raises(ValidationError, match="at most"):
        services.save_draft(application=application, values={}, files={"cv": pdf()})


def test_a_reviewer_in_conflict_is_never_offered_nor_assigned(world):
    application = submitted(world)
    colleague = reviewer("Colleague", institution=world["lyon"], call=world["call"])
    teammate = reviewer("Teammate", team=world["team"], call=world["call"])
    outsider = reviewer("Outsider", call=world["call"])
    assert selectors.reviewers_offered(application) == [outsider]
    for conflicted in (colleague, teammate):
        with pytest.raises(ValidationError, match="conflict of interest"):
            services.assign_reviewer(application=application, reviewer=conflicted, by=None)
    services.assign_reviewer(application=application, reviewer=outsider, by=None)
    with pytest.raises(ValidationError, match="already reviews"):
        services.assign_reviewer(application=application, reviewer=outsider, by=None)
    assert selectors.reviewers_offered(application) == []


def test_scores_rank_by_weighted_mean_and_flag_disagreement(world):
    one, two = submitted(world, "one@example.org"), submitted(world, "two@example.org")
    experts = [reviewer(name, call=world["call"]) for name in ("Ann", "Bob")]
    quality, feasibility = world["call"].criteria.all()
    marks = {one: [(5, 5), (1, 1)], two: [(4, 4), (4, 3)]}
    for application, pairs in marks.items():
        for expert, (q, f) in zip(experts, pairs, strict=True):
            assignment = services.assign_reviewer(application=application, reviewer=expert, by=None)
            services.record_scores(
                assignment=assignment, marks={quality: (q, ""), feasibility: (f, "")}, comment=""
            )
    ranked = selectors.ranking(world["call"])
    assert [row.application for row in ranked] == [two, one]
    assert ranked[0].score == pytest.approx((4 + (4 * 2 + 3) / 3) / 2, abs=0.01)
    assert ranked[1].flagged
    assert not ranked[0].flagged


def test_an_award_above_the_maximum_is_refused(world, admin_user):
    application = submitted(world)
    with pytest.raises(ValidationError, match="At most 5000"):
        services.decide(
            application=application, outcome=Outcome.AWARDED, amount=Decimal("5001"), by=admin_user
        )
    assert not Decision.objects.exists()
    assert not MobilityExchange.objects.exists()


def test_an_award_becomes_a_mobility_with_its_checklist(
    world, admin_user, django_capture_on_commit_callbacks
):
    application = submitted(world)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(
            application=application, outcome=Outcome.AWARDED, amount=Decimal("4000"), by=admin_user
        )
    mobility = decision.mobility
    assert mobility.host_institution == world["host"]
    assert mobility.partnership == world["partnership"]
    assert mobility.person.email == "lina@example.org"
    assert not mobility.person.is_public
    assert (mobility.planned_start, mobility.category) == (application.start_date, "phd")
    kinds = set(ChecklistItem.objects.filter(mobility=mobility).values_list("kind", flat=True))
    assert kinds == set(ChecklistItem.Kind.values)
    assert decision.decided_by == admin_user
    assert "Awarded" in mail.outbox[-1].body


def test_decision_emails_come_from_the_staff_template(
    world, admin_user, django_capture_on_commit_callbacks
):
    from programmes.models import DecisionTemplate

    DecisionTemplate.objects.create(
        outcome=Outcome.REJECTED,
        subject_en="About {reference}",
        subject_fr="À propos de {reference}",
        body_en="Dear {name}, not this time for {call}.",
        body_fr="Cher·e {name}, pas cette fois pour {call}.",
    )
    application = submitted(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(
            application=application, outcome=Outcome.REJECTED, amount=None, by=admin_user
        )
    assert mail.outbox[-1].subject == f"About {application.reference}"
    assert mail.outbox[-1].body == "Dear Lina Martin, not this time for Shanghai mobility 2027."


def test_rejected_applications_are_deleted_after_the_retention(world, admin_user, settings):
    settings.PROGRAMMES_RETENTION_DAYS = 30
    application = submitted(world)
    services.decide(application=application, outcome=Outcome.REJECTED, amount=None, by=admin_user)
    kept = submitted(world, "kept@example.org")
    services.decide(application=kept, outcome=Outcome.WAITING, amount=None, by=admin_user)
    assert services.delete_expired_rejections(now=timezone.now() + datetime.timedelta(days=29)) == 0
    assert services.delete_expired_rejections(now=timezone.now() + datetime.timedelta(days=31)) == 1
    assert list(Application.objects.all()) == [kept]


def test_figures_of_a_call(world, admin_user):
    first = submitted(world, "one@example.org")
    submitted(world, "two@example.org")
    services.decide(
        application=first, outcome=Outcome.AWARDED, amount=Decimal("3000"), by=admin_user
    )
    figures = selectors.call_figures(world["call"])
    assert figures["applications"] == 2
    assert figures["eligible"] == 2
    assert figures["awarded"] == 1
    assert figures["success_rate"] == 0.5
    assert figures["amount"] == Decimal("3000")
    assert figures["by_country"] == [{"country": "CN", "awards": 1, "amount": Decimal("3000")}]


def test_a_call_refuses_a_maximum_above_its_budget_and_a_closing_before_opening(world):
    call = world["call"]
    call.max_award, call.closes_at = Decimal("30000"), call.opens_at
    with pytest.raises(ValidationError) as refused:
        call.full_clean()
    assert set(refused.value.message_dict) == {"max_award", "closes_at"}


def test_the_retention_command_runs(world, admin_user):
    from django.core.management import call_command

    application = submitted(world)
    services.decide(application=application, outcome=Outcome.REJECTED, amount=None, by=admin_user)
    Decision.objects.update(decided_at=timezone.now() - datetime.timedelta(days=800))
    call_command("delete_expired_applications", verbosity=0)
    assert not Application.objects.exists()


def test_an_award_beyond_the_agreement_quota_is_refused(world, admin_user):
    from partnerships.models import Agreement
    from programmes.models import Quota
    from tests.factories import AgreementFactory

    first = submitted(world, "one@example.org")
    second = submitted(world, "two@example.org")
    agreement = AgreementFactory(partnership=world["partnership"], status=Agreement.Status.IN_FORCE)
    Quota.objects.create(
        agreement=agreement, year=first.start_date.year, direction="outgoing", places=1
    )
    decision = services.decide(
        application=first, outcome=Outcome.AWARDED, amount=Decimal("4000"), by=admin_user
    )
    assert decision.mobility.agreement == agreement
    with pytest.raises(ValidationError, match="quota is reached: all 1 places"):
        services.decide(
            application=second, outcome=Outcome.AWARDED, amount=Decimal("4000"), by=admin_user
        )
    assert not Decision.objects.filter(application=second).exists()
    assert MobilityExchange.objects.count() == 1
