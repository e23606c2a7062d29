"""The environment, read through one typed reader (django-environ): the operational variables
listed in docs/configuration.md and nothing else. Tuning constants are plain settings.

A value that cannot be read as its type stops the start with the variable's name.
"""

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class Env(environ.Env):
    def str(self, var, default=environ.Env.NOTSET, multiline=False):
        """The value as written: no `$OTHER` proxying (a password may start with $)."""
        value = self.ENVIRON.get(var)
        return super().str(var, default=default) if value is None else value

    def bool(self, var, default=False):
        """true/false, 1/0, yes/no, on/off; anything else is refused (django-environ would
        read a typo as false)."""
        value = self.str(var, default="").strip().lower()
        if value == "":
            return default
        if value in _TRUE | _FALSE:
            return value in _TRUE
        raise ImproperlyConfigured(f"{var} must be a boolean (true/false), not {value!r}.")

    def int(self, var, default=None):
        try:
            return super().int(var, default=default)
        except ValueError:
            raise ImproperlyConfigured(f"{var} must be a whole number.") from None

    def list(self, var, default=None, **kwargs):
        return [item.strip() for item in super().list(var, default=default or []) if item.strip()]


env = Env()
