"""axe-core over every public page template, in Debian's Chromium: no serious or critical issue.

axe-core is vendored next to this test (tests/public/vendor/, MPL-2.0): nothing is fetched and
nothing of it is served to visitors.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.public.test_pages import EXTRA_PAGES, PAGES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js").read_text(encoding="utf-8")
# Every template once, in French (the English pages are the same templates with other words),
# and the English home page for its own `lang`.
URLS = [p.format(lang="fr") for p in PAGES] + [
    "/en/",
    *EXTRA_PAGES,
    "/fr/search/?q=cancer&country=ZZ",
    "/fr/collaborations/agreements/crcl-shanghai-cancer-institute-2013/",
    "/fr/events/clara-oncopole-matignon-2018/",
]


def axe_violations(page) -> list[str]:
    page.evaluate(AXE)
    result = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    return [
        f"{v['impact']}: {v['id']} at {v['nodes']}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_or_critical_axe_violation_on_any_public_page(page, live_server):
    call_command("load_clara_dataset", verbosity=0)
    problems = {}
    for url in URLS:
        page.goto(f"{live_server.url}{url}")
        found = axe_violations(page)
        if found:
            problems[url] = found
    assert problems == {}


def test_axe_does_report_a_nested_interactive_control(page, live_server):
    """The check can fail: a link inside a button is reported."""
    page.goto(f"{live_server.url}/fr/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<div role="button" tabindex="0">x <a href="/">y</a></div>\')'
    )
    assert any("nested-interactive" in v for v in axe_violations(page))
