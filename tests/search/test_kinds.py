"""One registry of search kinds: each kind is complete, and no `kind ==` branch is left."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from search import selectors
from search.kinds import DEFAULT_KIND, KINDS
from tests import factories as f

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize("key", list(KINDS))
def test_each_kind_has_its_template_and_as_many_csv_cells_as_headers(key):
    kind = KINDS[key]
    get_template(kind.result_template)
    team = f.TeamFactory(institution=f.InstitutionFactory())
    f.PartnershipMemberFactory(institution=team.institution)
    found = selectors.search(kind=key, params=None)
    obj = found.results.first()
    assert obj is not None
    assert len(kind.csv_row(obj, "https://example.org/x/")) == len(kind.csv_headers)


def test_no_kind_branch_is_left():
    sources = [
        ROOT / "search/views.py",
        ROOT / "search/selectors.py",
        ROOT / "templates/search/search.html",
    ]
    for path in sources:
        assert not re.search(r"kind ==", path.read_text()), path
    assert DEFAULT_KIND in KINDS
