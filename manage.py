#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.dev")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads the settings)
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration error: {error}")  # one line, no traceback
    except Exception as error:  # any other mistake met while reading the environment
        module = os.environ["DJANGO_SETTINGS_MODULE"]
        sys.exit(f"Configuration error: {module}: {type(error).__name__}: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
