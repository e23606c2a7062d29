"""The daily run on the database queue, and the once-only guarantee under concurrency."""

import datetime
import threading

import pytest
from asgiref.local import Local
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django_tasks_db.models import DBTaskResult

from alerts import services
from alerts.models import ReminderLog
from tests.factories import AgreementFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = datetime.date(2026, 11, 22)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def english_office(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def due(english_office):
    """Two officers, each responsible for an agreement ending within 30 days."""
    officers = [
        UserFactory(username=f"officer{i}", email=f"officer{i}@example.org", is_staff=True)
        for i in (1, 2)
    ]
    for i, officer in enumerate(officers):
        AgreementFactory(
            reference=f"DUE-{i}",
            status="in_force",
            start_date=TODAY - datetime.timedelta(days=700),
            end_date=TODAY + datetime.timedelta(days=20),
            responsible=officer,
        )
    return officers


def reset_task_backends() -> None:
    task_backends._settings = None  # read again from settings.TASKS
    task_backends._connections = Local(False)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    reset_task_backends()
    yield
    reset_task_backends()


def test_enqueue_puts_the_run_on_the_queue_and_the_worker_sends_it(due, database_queue, capsys):
    call_command("send_agreement_reminders", date=TODAY.isoformat(), enqueue=True)
    assert "Enqueued task" in capsys.readouterr().out
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert mail.outbox == []  # nothing sent by the command itself

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert queued.return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["officer1@example.org", "officer2@example.org"]


def test_enqueue_refuses_dry_run():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="do not go together"):
        call_command("send_agreement_reminders", dry_run=True, enqueue=True)


def test_two_runs_at_once_send_each_digest_once(due, monkeypatch):
    """Both runs collect the same alerts before either records them: the database decides."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises whole transactions)")
    both_collected = threading.Barrier(2, timeout=30)
    collect = services.collect

    def collect_then_wait(today):
        digests = collect(today)
        both_collected.wait()
        return digests

    monkeypatch.setattr(services, "collect", collect_then_wait)
    sent: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            sent.append(len(services.send_agreement_reminders(today=TODAY)))
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(sent) in ([0, 2], [1, 1])  # two digests in all, whoever sent them
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["officer1@example.org", "officer2@example.org"]
    assert ReminderLog.objects.count() == 2
