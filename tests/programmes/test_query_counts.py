"""The call list, the staff list of applications and the ranking do the same number of queries
with few and with many records."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from programmes import services

from .conftest import make_call, reviewer, submitted

pytestmark = pytest.mark.django_db


def grow(world, start: int, count: int) -> None:
    experts = [reviewer(f"Expert{start}-{n}", call=world["call"]) for n in range(2)]
    quality, feasibility = world["call"].criteria.all()
    for n in range(start, start + count):
        make_call(slug=f"call-{n}", opens=-60 - n, closes=-30 - n, title_en=f"Old call {n}")
        application = submitted(world, f"applicant{n}@example.org")
        for expert in experts:
            assignment = services.assign_reviewer(application=application, reviewer=expert, by=None)
            services.record_scores(
                assignment=assignment,
                marks={quality: (n % 6, ""), feasibility: (3, "")},
                comment="",
            )


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_do_the_same_work_at_two_sizes(staff_client, world):
    client = Client()  # anonymous
    call = world["call"]
    public = ["/en/calls/", f"/en/calls/{call.slug}/"]
    staff = [
        f"/backoffice/programmes/calls/{call.pk}/applications/",
        f"/backoffice/programmes/calls/{call.pk}/ranking/",
    ]
    grow(world, 0, 3)
    small = [queries(client, url) for url in public] + [queries(staff_client, u) for u in staff]
    grow(world, 3, 25)
    large = [queries(client, url) for url in public] + [queries(staff_client, u) for u in staff]
    assert large == small
