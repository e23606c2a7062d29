from django.tasks import task

from . import services


@task
def send_confirmation(saved_id: int) -> bool:
    return services.send_confirmation(saved_id=saved_id)


@task
def send_saved_search_digests_task() -> int:
    sent, _listed = services.send_digests()
    return sent
