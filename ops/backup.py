"""Consistent backups of the database and the private documents, and their restore.

A backup is a folder: `database.dump` (pg_dump, custom format), `documents/` (every file of the
private storage) and `manifest.json` (row counts per table and SHA-256 of each document), all
taken from one database snapshot.
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import Storage
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from core.storage import private_storage

MANIFEST = "manifest.json"
DUMP = "database.dump"
DOCUMENTS = "documents"
FORMAT = 1


class BackupError(Exception):
    """The backup or the restore cannot go on; the message says why."""


def _database() -> dict:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        raise ImproperlyConfigured("Backups need PostgreSQL (DATABASE_URL=postgres://...).")
    return connection.settings_dict


def pg_environment() -> dict[str, str]:
    """libpq's variables for pg_dump and pg_restore, from the Django database settings."""
    db = _database()
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def table_counts(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # names from the catalogue
        counts[table] = cursor.fetchone()[0]
    return counts


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a local folder not made yet: nothing stored
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from storage_files(storage, f"{folder}/{directory}" if folder else directory)


def sha256(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def referenced_documents() -> set[str]:
    from partnerships.models import AgreementDocument

    return set(AgreementDocument.objects.exclude(file="").values_list("file", flat=True))


def backup(destination: Path) -> dict:
    """Write a backup into `destination` (a new folder); return its manifest."""
    _database()
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} already exists and is not empty.")
    destination.mkdir(parents=True, exist_ok=True)
    connection = connections[DEFAULT_DB_ALIAS]
    with transaction.atomic(), connection.cursor() as cursor:
        # One snapshot for pg_dump, the counts and the list of documents.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        result = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={destination / DUMP}",
            ],
            env=pg_environment(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        counts = table_counts(cursor)
        referenced = referenced_documents()

    storage = private_storage
    documents = {}
    for name in storage_files(storage):
        target = destination / DOCUMENTS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        with open(target, "rb") as copy:
            documents[name] = {"sha256": sha256(copy), "size": target.stat().st_size}
    missing = sorted(referenced - documents.keys())
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"engine": "postgresql", "dump": DUMP, "tables": counts},
        "documents": documents,
        "missing_documents": missing,  # recorded in the database, absent from storage
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{source} holds no {MANIFEST}: not a backup folder.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def verify(manifest: dict) -> list[str]:
    """Differences between what the manifest lists and what the database and storage hold."""
    problems = []
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        counts = table_counts(cursor)
    for table, expected in manifest["database"]["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, expected {expected}")
    storage = private_storage
    for name, expected in manifest["documents"].items():
        if not storage.exists(name):
            problems.append(f"document {name}: missing")
            continue
        with storage.open(name, "rb") as handle:
            if sha256(handle) != expected["sha256"]:
                problems.append(f"document {name}: checksum differs")
    return problems


def restore(source: Path) -> dict:
    """Restore a backup into an empty database and storage, then verify it; return the manifest."""
    manifest = read_manifest(source)
    _database()
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
        if cursor.fetchone()[0]:
            raise BackupError(
                "The database is not empty: restore only into a new, empty database "
                f"({settings.DATABASES['default']['NAME']})."
            )
    storage = private_storage
    present = [name for name in manifest["documents"] if storage.exists(name)]
    if present:
        raise BackupError(f"The private storage already holds {present[0]}: use an empty one.")

    connections[DEFAULT_DB_ALIAS].close()
    result = subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={pg_environment()['PGDATABASE']}",
            str(source / DUMP),
        ],
        env=pg_environment(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")

    for name in manifest["documents"]:
        with open(source / DOCUMENTS / name, "rb") as handle:
            saved = storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"Document {name} was stored as {saved}.")

    problems = verify(manifest)
    if problems:
        raise BackupError("Restored, but it differs from the backup: " + "; ".join(problems))
    return manifest
