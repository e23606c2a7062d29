import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from alerts.models import ReminderLog
from alerts.tasks import send_agreement_reminders_task
from backoffice.roles import EDITOR
from tests.factories import AgreementFactory, MobilityExchangeFactory, UserFactory
from tests.helpers import refused_by_database

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)
D = datetime.timedelta


@pytest.fixture
def officer():
    return UserFactory(username="officer", email="officer@canceropole.example", is_staff=True)


def agreement_ending_in(days, responsible, **extra):
    return AgreementFactory(
        status="in_force",
        start_date=TODAY - D(days=700),
        end_date=TODAY + D(days=days),
        responsible=responsible,
        **extra,
    )


def test_digest_of_expiring_agreements_sent_once(officer):
    agreement_ending_in(85, officer, reference="QC-85")
    agreement_ending_in(25, officer, reference="WIS-25")
    agreement_ending_in(200, officer, reference="LATER")
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@canceropole.example"]
    assert "QC-85" in message.body
    assert "WIS-25" in message.body
    assert "LATER" not in message.body
    assert message.alternatives[0][1] == "text/html"
    assert set(ReminderLog.objects.values_list("threshold", flat=True)) == {90, 30}

    call_command("send_agreement_reminders", date=TODAY.isoformat())
    assert len(mail.outbox) == 1  # nothing new the same day


def test_each_threshold_is_its_own_alert(officer):
    agreement_ending_in(65, officer, reference="QC")
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    call_command("send_agreement_reminders", date=(TODAY + D(days=10)).isoformat())
    call_command("send_agreement_reminders", date=(TODAY + D(days=11)).isoformat())
    assert len(mail.outbox) == 2  # the 90-day alert, then the 60-day alert once
    assert sorted(ReminderLog.objects.values_list("threshold", flat=True)) == [60, 90]
    assert "within 60 days" in mail.outbox[1].body


def test_digest_is_in_the_office_language_by_default(officer, settings):
    settings.LANGUAGE_CODE = "fr"
    agreement_ending_in(20, officer, reference="QC-20")
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    assert "se termine le" in mail.outbox[0].body


def test_renewal_notice_and_mobilities(officer):
    agreement_ending_in(120, officer, reference="NOTICE", renewal_notice_days=100)
    group = Group.objects.get(name=EDITOR)
    editor = UserFactory(username="editor", email="editor@example.org", is_staff=True)
    editor.groups.add(group)
    MobilityExchangeFactory(
        person__last_name="Martin",
        planned_start=TODAY + D(days=10),
        planned_end=TODAY + D(days=130),
    )
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "NOTICE" in bodies["officer@canceropole.example"]
    assert "renewal or termination must be notified" in bodies["officer@canceropole.example"]
    assert "Mobility starting" in bodies["editor@example.org"]


def test_dry_run_sends_nothing(officer, capsys):
    agreement_ending_in(20, officer)
    call_command("send_agreement_reminders", date=TODAY.isoformat(), dry_run=True)
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()
    assert "would be sent" in capsys.readouterr().out


def test_bad_date_is_a_clear_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_agreement_reminders", date="22/11/2026")


def test_runs_as_a_django_task(officer):
    agreement_ending_in(20, officer)
    result = send_agreement_reminders_task.enqueue(today=TODAY.isoformat())
    assert result.return_value == 1
    assert len(mail.outbox) == 1


def test_database_refuses_a_duplicate_alert(officer):
    values = {
        "kind": "agreement_expiry",
        "object_id": 1,
        "threshold": 30,
        "due_on": TODAY,
        "recipient": officer,
    }
    ReminderLog.objects.create(**values)
    with refused_by_database("reminder_sent_once", r"alerts_reminderlog\."):
        ReminderLog.objects.create(**values)
    assert ReminderLog.objects.count() == 1


def test_the_text_e_mail_is_plain_text_and_the_html_one_is_escaped(settings):
    settings.LANGUAGE_CODE = "en"
    officer = UserFactory(
        username="oneil", first_name="Siobhan", last_name="O'Neil", email="o@example.org"
    )
    agreement_ending_in(25, officer, reference="RD-1", title_en="Exchange <R&D> d'échange")
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    message = mail.outbox[0]
    assert "Hello Siobhan O'Neil," in message.body
    assert "“Exchange <R&D> d'échange”" in message.body
    assert "&#x27;" not in message.body
    assert "&amp;" not in message.body
    html = message.alternatives[0][0]
    assert "Exchange &lt;R&amp;D&gt; d&#x27;échange" in html
    assert "<R&D>" not in html


def test_an_agreement_whose_renewal_is_in_progress_alerts_no_more(officer):
    """Renewing an agreement (a draft successor) silences its expiry and notice alerts."""
    from partnerships.services import renew_agreement

    renewed = agreement_ending_in(25, officer, reference="RENEWED", renewal_notice_days=20)
    agreement_ending_in(40, officer, reference="KEPT", renewal_notice_days=30)
    renew_agreement(
        agreement=renewed,
        reference="RENEWED-2",
        slug="renewed-2",
        start_date=TODAY + D(days=26),
        end_date=TODAY + D(days=800),
    )
    call_command("send_agreement_reminders", date=TODAY.isoformat())
    body = mail.outbox[0].body
    assert "KEPT" in body
    assert "RENEWED" not in body
    assert set(ReminderLog.objects.values_list("kind", flat=True)) == {
        "agreement_expiry",
        "renewal_notice",
    }
    assert ReminderLog.objects.count() == 2
