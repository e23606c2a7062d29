"""Every management command of the project prints its help (`manage.py <command> --help`)."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import get_commands, load_command_class

PROJECT_APPS = {
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR)
    and not Path(config.path).is_relative_to(Path(settings.BASE_DIR) / ".venv")
}
COMMANDS = sorted(name for name, app in get_commands().items() if app in PROJECT_APPS)


def test_the_project_commands_are_found():
    assert {"match_ror", "expire_search_exports"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_is_printed(name):
    command = load_command_class(get_commands()[name], name)
    text = command.create_parser("manage.py", name).format_help()
    assert f"manage.py {name}" in text
