"""Every public form, as a browser submits it: each <select> offers an empty first choice ("all"),
and sending the form untouched narrows nothing (a browser sends the first option otherwise)."""

import re
from urllib.parse import urlencode, urljoin

import lxml.html
import pytest

from tests.public.test_pages import PAGES

pytestmark = pytest.mark.django_db

FORM_PAGES = [
    *PAGES,
    "/{lang}/search/",
    "/{lang}/search/?type=institutions",
    "/{lang}/mobility/figures/",
]


def result_count(html: str) -> str:
    found = lxml.html.fromstring(html).xpath('//*[contains(@class, "result-count")]')
    return re.sub(r"\s+", " ", found[0].text_content()).split("·")[0].strip() if found else ""


def get_forms(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    document = lxml.html.fromstring(response.content.decode(), base_url=f"http://testserver{url}")
    return [form for form in document.forms if (form.method or "get").lower() == "get"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_select_of_every_public_form_starts_with_an_empty_choice(client, clara_dataset, lang):
    actions = set()
    for template in FORM_PAGES:
        url = template.format(lang=lang)
        for form in get_forms(client, url):
            action = urljoin(url, form.get("action") or url).split("?")[0]
            actions.add(action)
            for select in form.xpath(".//select"):
                options = select.xpath(".//option")
                assert options, (url, select.name)
                first = options[0]
                assert first.get("value") == "", (url, select.name, first.get("value"))
                assert first.text_content().strip(), (url, select.name)  # a label people read
                assert not select.get("multiple"), (url, select.name)
    assert {f"/{lang}/search/", f"/{lang}/collaborations/"} <= actions  # the check saw forms


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "url", ["/{lang}/search/", "/{lang}/search/?type=institutions", "/{lang}/collaborations/"]
)
def test_a_form_submitted_untouched_narrows_nothing(client, clara_dataset, lang, url):
    url = url.format(lang=lang)
    (form,) = [f for f in get_forms(client, url) if f.xpath(".//select")]
    action = urljoin(url, form.get("action") or url).split("?")[0]
    values = dict(form.form_values())  # what the browser sends: first option of each select
    bare = client.get(action, {"type": values["type"]} if "type" in values else {})
    untouched = client.get(f"{action}?{urlencode(values)}")
    assert untouched.status_code == 200
    assert result_count(untouched.content.decode()) == result_count(bare.content.decode())
    assert not result_count(untouched.content.decode()).startswith("0 ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_typed_search_submitted_from_the_form_finds_weizmann(client, clara_dataset, lang):
    """No team at the Weizmann Institute: the page points to the institution it found."""
    url = f"/{lang}/search/"
    (form,) = get_forms(client, url)
    form.fields["q"] = "Weizmann"
    response = client.get(f"{url}?{urlencode(form.form_values())}")
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content.decode())
    (link,) = document.xpath('//*[@class="elsewhere"]/a[contains(@href, "type=institutions")]')
    assert link.text_content().endswith("(3)")
    found = client.get(f"{url}{link.get('href')}").content.decode()
    assert "Weizmann" in found
    assert not result_count(found).startswith("0 ")
