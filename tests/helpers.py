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
