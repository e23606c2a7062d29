import calendar
import datetime

import pytest

from mobility.models import MobilityExchange
from partnerships.models import Agreement
from reports.seeds import seed_definitions
from tests.backoffice.conftest import make_staff, role_client  # noqa: F401 (fixtures)

DONE = {"under_way", "completed"}


@pytest.fixture
def definitions(db):
    """The seeded definitions (made by migration; a live-server test's flush removes them)."""
    seed_definitions()


# --- independent counts: plain Python over the rows, sharing no code with reports/ ------------


def mobility_groups(years: range) -> dict[tuple, list]:
    """(year, partner country, category, direction, status) -> [mobilities, days] counted
    row by row."""
    groups: dict[tuple, list] = {}
    rows = MobilityExchange.objects.select_related("host_institution", "home_institution")
    for m in rows:
        if m.status == "cancelled":
            continue
        start = m.actual_start or m.planned_start
        end = m.actual_end or m.planned_end
        if start is None or start.year not in years:
            continue
        partner = m.host_institution if m.direction == "outgoing" else m.home_institution
        country = str(partner.country) if partner and partner.country else ""
        key = (start.year, country, m.category, m.direction, m.status)
        group = groups.setdefault(key, [0, 0])
        group[0] += 1
        if end is not None:
            group[1] += (end - start).days
    return groups


def stage_totals(groups: dict) -> dict[str, tuple[int, float]]:
    totals = {"planned": [0, 0], "done": [0, 0]}
    for key, (count, days) in groups.items():
        stage = "done" if key[4] in DONE else "planned"
        totals[stage][0] += count
        totals[stage][1] += days
    return {stage: (count, days / 30.44) for stage, (count, days) in totals.items()}


def _last_day(day: datetime.date, precision: str) -> datetime.date:
    if precision == "year":
        return datetime.date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def _first_day(day: datetime.date, precision: str) -> datetime.date:
    if precision == "year":
        return datetime.date(day.year, 1, 1)
    if precision == "month":
        return day.replace(day=1)
    return day


def in_force_by_hand(on: datetime.date, *, confidential: bool) -> set[int]:
    """Signed and binding, started by that day, its end (read at its precision) not before it;
    with no end, only one stated "in force"."""
    found = set()
    for a in Agreement.objects.all():
        if a.is_confidential and not confidential:
            continue
        if a.status not in ("signed", "in_force"):
            continue
        if a.start_date and _last_day(a.start_date, a.start_precision) > on:
            continue
        if a.end_date is None:
            if a.status == "in_force":
                found.add(a.pk)
            continue
        if _first_day(a.end_date, a.end_precision) >= on:
            found.add(a.pk)
    return found


@pytest.fixture
def client(client):
    """Staff pages in English unless a test asks for French (they follow the browser)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
