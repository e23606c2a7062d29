"""Every “this comes after that” rule of the database is explained next to the field people
fix, in words, before the database is asked: never a constraint's name at the top of a form."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F

pytestmark = pytest.mark.django_db


def leaves(condition):
    for child in condition.children:
        yield from leaves(child) if hasattr(child, "children") else [child]


def ordered_pairs():
    """(model, earlier field, later field) of each `later >= earlier` check constraint."""
    for model in apps.get_models():
        if model._meta.app_label == "synthetic":
            continue  # the generator's bookkeeping: nobody types it
        for constraint in model._meta.constraints:
            if not isinstance(constraint, models.CheckConstraint):
                continue
            for lookup, earlier in leaves(constraint.condition):
                if lookup.endswith("__gte") and isinstance(earlier, F):
                    yield model, earlier.name, lookup.removesuffix("__gte")


def value(field: models.Field, day: int):
    if isinstance(field, models.DateField):
        return datetime.date(2020, 1, day)
    return 2020 + day


PAIRS = list(ordered_pairs())


def test_the_rules_are_found():
    found = {(model.__name__, earlier) for model, earlier, _later in PAIRS}
    assert ("Agreement", "start_date") in found
    assert ("MobilityExchange", "actual_start") in found
    assert len(PAIRS) >= 6


@pytest.mark.parametrize(("model", "earlier", "later"), PAIRS)
def test_an_end_before_its_start_is_refused_next_to_the_end(model, earlier, later):
    meta = model._meta
    instance = model(
        **{earlier: value(meta.get_field(earlier), 2), later: value(meta.get_field(later), 1)}
    )
    with pytest.raises(ValidationError) as refused:
        instance.clean()
    errors = refused.value.message_dict
    assert later in errors
    assert str(meta.get_field(earlier).verbose_name) in errors[later][0]
    assert "_" not in errors[later][0].split("(")[0]  # no constraint name
