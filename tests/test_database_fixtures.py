"""The suite's database: empty unless a test asks for the CLARA dataset (loaded once)."""

import pytest
from django.db import connection

from partnerships.models import Partnership
from tests import factories as f
from tests.conftest import dataset_tables

pytestmark = pytest.mark.django_db


def rows() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in dataset_tables():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def test_a_test_starts_from_an_empty_database():
    assert {"partnerships_partnership", "institutions_institution"} <= set(dataset_tables())
    assert set(rows().values()) == {0}
    f.PartnershipFactory(slug="clara-international-shanghai")  # a dataset slug is free
    assert Partnership.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_starts_from_an_empty_database_too():
    assert set(rows().values()) == {0}


def test_the_dataset_when_asked(clara_dataset):
    from dataset import clara

    counts = rows()
    assert counts["partnerships_partnership"] == len(clara.PARTNERSHIPS) == 14
    assert counts["institutions_institution"] == len(clara.INSTITUTIONS) == 38
