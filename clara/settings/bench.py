"""The load benchmark (scripts/bench/run.py): production settings, plus the synthetic data app
that builds its databases at scale (never installed in production)."""

from .prod import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "synthetic"]  # noqa: F405
