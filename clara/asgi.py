import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.prod")
# This process serves web requests: its database statements are bounded (STATEMENT_TIMEOUT_MS).
os.environ["CLARA_WEB_PROCESS"] = "1"
application = get_asgi_application()

# Refuse to start rather than answer 500 on every page.
from ops.startup import check_static_files  # noqa: E402

check_static_files()
