"""Migrations are frozen: they import no application code, and hold literal copies."""

import ast
import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from backoffice.roles import ROLES, VIEWER
from backoffice.signals import sync_roles
from search.documents import statements, trigram_statements

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)
PROJECT_APPS = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"clara"}


@pytest.mark.parametrize("path", sorted(ROOT.glob("*/migrations/0*.py")), ids=lambda p: p.name)
def test_migrations_run_no_application_code(path):
    """Django's own references in field definitions (`import core.validators`, a callable
    default or upload_to) are module imports at the top; anything else is application code a
    migration would run, and would silently change what a fresh database gets."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = set(tree.body)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules, allowed = [node.module], False
        elif isinstance(node, ast.Import):
            modules, allowed = [alias.name for alias in node.names], node in top_level
        else:
            continue
        for module in modules:
            if module.split(".")[0] in PROJECT_APPS:
                assert allowed, f"{path.name} imports {module}"


@pytest.mark.parametrize(
    "path",
    [
        "backoffice/migrations/0001_roles.py",
        "search/migrations/0001_search_indexes.py",
        "search/migrations/0002_stored_search_documents.py",
    ],
)
def test_the_data_migrations_import_nothing_from_the_project(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [None])
    ]
    assert all(module.split(".")[0] in {"django"} for module in imported), imported


def test_the_frozen_search_documents_are_the_ones_the_queries_use():
    """If this fails, search.documents changed: write a new migration for the new columns."""
    first = importlib.import_module("search.migrations.0001_search_indexes")
    stored = importlib.import_module("search.migrations.0002_stored_search_documents")
    assert [sql for sql in first.FORWARDS if "_trgm ON" in sql] == trigram_statements()
    assert stored.FORWARDS[: len(statements())] == statements()


def test_roles_are_synced_after_migrate_and_the_sync_is_idempotent():
    viewer = Group.objects.get(name=VIEWER)
    viewer.permissions.remove(viewer.permissions.first())
    viewer.permissions.add(Permission.objects.get(codename="delete_agreement"))

    sync_roles()
    sync_roles()

    for name, codes in ROLES.items():
        granted = set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        )
        assert granted == codes
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)
