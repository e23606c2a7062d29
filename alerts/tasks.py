import datetime

from django.tasks import task

from .services import send_agreement_reminders


@task
def send_agreement_reminders_task(today: str | None = None) -> int:
    """The daily reminders as a Django task; returns how many digests were sent."""
    day = datetime.date.fromisoformat(today) if today else None
    return len(send_agreement_reminders(today=day))
