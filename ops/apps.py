from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: start-up checks, health, request ids, backups."""

    name = "ops"
    verbose_name = "Operations"
