"""Pages served from the page cache, in a real Chromium: no CSP violation, JSON-LD intact."""

import json

import pytest
from django.core.cache import caches

from tests import factories as f

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

REPORTER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def cached_site(live_server, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for alias in settings.CACHES:
        caches[alias].clear()
    f.InstitutionFactory(slug="lyon-institute", name_en="Lyon Institute", country="FR")
    yield live_server.url
    for alias in settings.CACHES:
        caches[alias].clear()


def test_a_cached_page_with_json_ld_reports_no_csp_violation(page, cached_site):
    page.add_init_script(REPORTER)
    console = []
    page.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
    url = f"{cached_site}/en/institutions/lyon-institute/"
    statuses = []
    for _ in range(2):  # the miss, then the hit
        response = page.goto(url)
        statuses.append(response.header_value("x-cache"))
        assert "nonce" not in response.header_value("content-security-policy")
        block = page.locator('script[type="application/ld+json"]').text_content()
        assert json.loads(block)["name"] == "Lyon Institute"
        assert page.evaluate("window.__violations") == []
    page.goto(f"{cached_site}/en/")
    page.goto(f"{cached_site}/en/")
    assert page.evaluate("window.__violations") == []
    assert statuses == ["miss", "hit"]  # the browser revalidates: a 304 for its copy
    assert console == []
