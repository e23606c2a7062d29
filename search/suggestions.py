"""Bounded suggestions for the filters with thousands of choices: public records only."""

from django.db.models import F, Func, Q, TextField

from core.languages import localized
from core.text import fold, folded
from partnerships.models import Partnership
from people.models import Person

SHOWN = 10


class FullName(Func):
    """first_name || ' ' || last_name, as in the trigram index of search 0002."""

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()


def leaders(text: str) -> list[tuple[str, str]]:
    """People cleared for publication whose name contains the text (accents and case ignored)."""
    text = fold(text).strip()
    if len(text) < 2:
        return []
    people = (
        Person.objects.public()
        .alias(_folded=folded(FullName(F("first_name"), F("last_name"))))
        .filter(_folded__contains=text)
        .order_by("last_name", "first_name", "pk")[:SHOWN]
    )
    return [(person.slug, person.full_name) for person in people]


def collaborations(text: str) -> list[tuple[str, str]]:
    """Public collaborations whose name, in either language, contains the text."""
    text = fold(text).strip()
    if len(text) < 2:
        return []
    condition = Q()
    for column in localized("name"):
        condition |= Q(**{f"_n_{column}__contains": text})
    found = (
        Partnership.objects.public()
        .alias(**{f"_n_{column}": folded(column) for column in localized("name")})
        .filter(condition)
        .order_by("name", "pk")[:SHOWN]
    )
    return [(partnership.slug, partnership.name) for partnership in found]


SUGGESTIONS = {"leader": leaders, "collaboration": collaborations}
