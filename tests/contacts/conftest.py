from tests.backoffice.conftest import make_staff, role_client  # noqa: F401
