"""Dates keep their precision in the admin's forms: typed and shown as "2013", "March 2018"."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from core.models import DatePrecision
from core.partial_dates import PartialDate, parse_partial_date
from events.models import Event
from partnerships.models import Partnership
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013", (datetime.date(2013, 1, 1), DatePrecision.YEAR)),
        ("2018-03", (datetime.date(2018, 3, 1), DatePrecision.MONTH)),
        ("03/2018", (datetime.date(2018, 3, 1), DatePrecision.MONTH)),
        ("March 2018", (datetime.date(2018, 3, 1), DatePrecision.MONTH)),
        ("février 2012", (datetime.date(2012, 2, 1), DatePrecision.MONTH)),
        ("2018-03-08", (datetime.date(2018, 3, 8), DatePrecision.DAY)),
        ("8 March 2018", (datetime.date(2018, 3, 8), DatePrecision.DAY)),
        ("1er mars 2018", (datetime.date(2018, 3, 1), DatePrecision.DAY)),
    ],
)
def test_partial_dates_are_read_in_both_languages(text, expected):
    assert parse_partial_date(text) == PartialDate(*expected)


@pytest.mark.parametrize("text", ["Marchish", "2018-13", "31 February 2018", "13/2018"])
def test_what_is_no_date_is_refused(text):
    with pytest.raises(ValueError, match=r"."):
        parse_partial_date(text)


def admin_form(model, obj, user):
    request = RequestFactory().get("/")
    request.user = user
    model_admin = admin.site._registry[model]
    return model_admin.get_form(request, obj, change=obj is not None)


def bound_data(form_class, obj) -> dict:
    unbound = form_class(instance=obj)
    data = {}
    for name, field in unbound.fields.items():
        value = unbound[name].value()
        if value is None:
            continue
        data[name] = field.widget.format_value(value) if name.endswith("_date") else value
    return data


def test_partnership_form_shows_and_saves_partial_dates(admin_user):
    partnership = f.PartnershipFactory(
        start_date=datetime.date(2013, 1, 1),
        start_precision=DatePrecision.YEAR,
        end_date=datetime.date(2018, 3, 1),
        end_precision=DatePrecision.MONTH,
    )
    with translation.override("en"):
        form_class = admin_form(Partnership, partnership, admin_user)
        form = form_class(instance=partnership)
        assert "start_precision" not in form.fields  # one box per date
        assert 'value="2013"' in str(form["start_date"])
        assert 'value="March 2018"' in str(form["end_date"])
        # What is shown is read back unchanged.
        unchanged = form_class(bound_data(form_class, partnership), instance=partnership)
        assert unchanged.is_valid(), unchanged.errors
        assert "start_date" not in unchanged.changed_data
        data = bound_data(form_class, partnership) | {"start_date": "2014-05", "end_date": "2019"}
        changed = form_class(data, instance=partnership)
        assert changed.is_valid(), changed.errors
        changed.save()
    partnership.refresh_from_db()
    assert (partnership.start_date, partnership.start_precision) == (
        datetime.date(2014, 5, 1),
        DatePrecision.MONTH,
    )
    assert (partnership.end_date, partnership.end_precision) == (
        datetime.date(2019, 1, 1),
        DatePrecision.YEAR,
    )
    with translation.override("fr"):
        form = admin_form(Partnership, partnership, admin_user)(instance=partnership)
        assert 'value="mai 2014"' in str(form["start_date"])


def test_a_wrong_date_is_a_clear_error(admin_user):
    partnership = f.PartnershipFactory()
    with translation.override("en"):
        form_class = admin_form(Partnership, partnership, admin_user)
        form = form_class(
            bound_data(form_class, partnership) | {"start_date": "Marchish"}, instance=partnership
        )
        assert not form.is_valid()
        assert form.errors["start_date"] == [
            "Enter a year (2013), a month (March 2018 or 2018-03) or a day "
            "(8 March 2018 or 2018-03-08)."
        ]


def test_event_dates_share_their_precision(admin_user):
    event = f.EventFactory(start_date=datetime.date(2012, 11, 5), end_date=None)
    with translation.override("en"):
        form_class = admin_form(Event, event, admin_user)
        data = bound_data(form_class, event)
        mixed = form_class(data | {"start_date": "2012", "end_date": "March 2013"}, instance=event)
        assert not mixed.is_valid()
        assert "same precision" in mixed.errors["end_date"][0]
        same = form_class(data | {"start_date": "2012-11", "end_date": "2012-12"}, instance=event)
        assert same.is_valid(), same.errors
        same.save()
    event.refresh_from_db()
    assert event.date_precision == DatePrecision.MONTH
    assert event.date_display in {"November–December 2012", "novembre–décembre 2012"}
