# The staff of each role, as the back-office tests make them.
from tests.backoffice.conftest import make_staff  # noqa: F401
