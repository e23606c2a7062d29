from django.tasks import task

from . import services


@task
def send_introduction_emails(request_id: int, base_url: str) -> int:
    return services.send_emails(request_id=request_id, base_url=base_url)


@task
def expire_introductions_task() -> int:
    return services.purge_expired()
