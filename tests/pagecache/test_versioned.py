"""Aggregates after a change: the previous value at once, the new one computed once the answer is
sent (no visitor waits for it)."""

from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from mobility.selectors import mobility_figures
from partnerships.selectors import partner_map
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stale_for_a_while(settings):
    settings.PAGE_CACHE_STALE_SECONDS = 30


@contextmanager
def a_request():
    """A request's start and end, as the server sends them (the test's transaction stays)."""
    request_started.disconnect(close_old_connections)
    request_started.send(sender=None)
    request_started.connect(close_old_connections)
    try:
        yield
    finally:
        request_finished.disconnect(close_old_connections)
        request_finished.send(sender=None)
        request_finished.connect(close_old_connections)


def countries(figures) -> dict:
    return dict(next(figure for figure in figures if figure.key == "country").rows)


def test_mobility_figures_after_a_change_cost_no_query_then_show_it(django_assert_num_queries):
    f.MobilityExchangeFactory(host_institution__country="CN", partnership=f.PartnershipFactory())
    assert countries(mobility_figures()) == {"China": 1}
    f.MobilityExchangeFactory(host_institution__country="CA", partnership=f.PartnershipFactory())
    with a_request(), django_assert_num_queries(0):
        assert countries(mobility_figures()) == {"China": 1}  # the previous figures
    assert countries(mobility_figures()) == {"China": 1, "Canada": 1}


def test_the_partner_map_after_a_change_costs_no_query_then_shows_it(django_assert_num_queries):
    f.PartnershipMemberFactory(institution__country="CN")
    assert partner_map().total == 1
    f.PartnershipMemberFactory(institution__country="JP")
    with a_request(), django_assert_num_queries(0):
        assert partner_map().total == 1
    assert partner_map().total == 2


def test_past_the_staleness_bound_the_request_computes_it(settings):
    settings.PAGE_CACHE_STALE_SECONDS = 0
    f.MobilityExchangeFactory(host_institution__country="CN", partnership=f.PartnershipFactory())
    mobility_figures()
    f.MobilityExchangeFactory(host_institution__country="CA", partnership=f.PartnershipFactory())
    with a_request():
        assert countries(mobility_figures()) == {"China": 1, "Canada": 1}


def test_the_figures_page_after_a_change_shows_the_previous_figures_then_the_new(
    client, django_assert_max_num_queries
):
    f.MobilityExchangeFactory(host_institution__country="CN", partnership=f.PartnershipFactory())
    client.get("/en/mobility/figures/")
    f.MobilityExchangeFactory(host_institution__country="CA", partnership=f.PartnershipFactory())
    assert "Canada" not in client.get("/en/mobility/figures/").content.decode()
    assert "Canada" in client.get("/en/mobility/figures/").content.decode()
