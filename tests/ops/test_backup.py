"""Backup and restore: nothing lost, row counts and document checksums identical."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from partnerships.models import AgreementDocument
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
needs_postgresql = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="backups are pg_dump archives: PostgreSQL only",
)


@pytest.fixture
def private_root(tmp_path, settings):
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    return root


def conninfo(name: str) -> dict:
    db = connection.settings_dict
    info = {"dbname": name, "host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    if db["PASSWORD"]:
        info["password"] = db["PASSWORD"]
    return {key: value for key, value in info.items() if value}


def url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = conninfo("postgres")
    with psycopg.connect(**admin, autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**admin, autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@needs_postgresql
def test_backup_then_restore_into_an_empty_database_and_storage(
    private_root, empty_database, tmp_path
):
    agreement = AgreementFactory(reference="BK-1")
    document = AgreementDocument(agreement=agreement, title="Signed copy")
    document.file.save("signed.pdf", ContentFile(PDF), save=True)
    backup = tmp_path / "backup"

    call_command("backup", output=str(backup), verbosity=0)

    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["tables"]["partnerships_agreement"] == 1
    assert manifest["database"]["tables"]["partnerships_agreementdocument"] == 1
    assert manifest["documents"] == {
        "agreements/BK-1/signed.pdf": {"sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF)}
    }
    assert (backup / "database.dump").read_bytes()[:5] == b"PGDMP"  # custom format

    restored_root = tmp_path / "restored"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clara.settings.dev",
        "DATABASE_URL": url(empty_database),
        "PRIVATE_MEDIA_ROOT": str(restored_root),
        "PRIVATE_STORAGE": "local",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Restored and verified" in result.stdout
    assert (restored_root / "agreements/BK-1/signed.pdf").read_bytes() == PDF
    with psycopg.connect(**conninfo(empty_database)) as restored:
        row = restored.execute(
            "SELECT a.reference, d.file FROM partnerships_agreementdocument d "
            "JOIN partnerships_agreement a ON a.id = d.agreement_id"
        ).fetchone()
    assert row == ("BK-1", "agreements/BK-1/signed.pdf")


@needs_postgresql
def test_restore_refuses_a_database_that_is_not_empty(private_root, tmp_path):
    AgreementFactory(reference="BK-2")
    call_command("backup", output=str(tmp_path / "backup"), verbosity=0)
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(tmp_path / "backup"))


@needs_postgresql
def test_backup_refuses_to_overwrite_a_folder(private_root, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", output=str(tmp_path / "backup"))


def test_restore_needs_a_backup_folder(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path))


def test_backup_on_sqlite_is_a_clear_error(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite refusal")
    with pytest.raises(CommandError, match="Backups need PostgreSQL"):
        call_command("backup", output=str(tmp_path / "backup"))
