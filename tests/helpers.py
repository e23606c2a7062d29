import contextlib
import re

import pytest
from django.db import IntegrityError, transaction


@contextlib.contextmanager
def refused_by_database(*patterns: str):
    """The database itself refuses the write; its error names the constraint or the columns.

    PostgreSQL names every constraint; SQLite names check constraints and, for a unique
    constraint, the columns. Each pattern is a regular expression, one of which must match.
    """
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        yield
    message = str(error.value)
    assert any(re.search(p, message) for p in patterns), message


def whole_sitemap(client) -> str:
    """The sitemap index followed by every page of every section it lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    text = index.content.decode()
    pages = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", text)
    assert pages, "the sitemap index lists no section"
    parts = [text]
    for page in pages:
        response = client.get(page.replace("&amp;", "&"))
        assert response.status_code == 200, page
        parts.append(response.content.decode())
    return "\n".join(parts)
