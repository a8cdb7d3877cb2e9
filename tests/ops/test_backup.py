"""Backups (issue 12 §6): `make backup` / `make restore` on the real PostgreSQL.

The demo data and a few uploaded documents are committed; scripts/backup.sh backs them up;
scripts/restore.sh restores into a fresh database and an empty media directory; then every table
of the two databases is compared here, row count and checksum (md5 of the rows' text in a fixed
order), independently of the scripts' own check, and every media file byte for byte. Restoring
over a database that holds tables is refused without --force; the manifest check notices a
changed row; retention keeps what docs/operations.md says.
"""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from psycopg import sql

from registry.models import CreationDecision, LogoCheck
from tests.conftest import need_service
from tests.registry.factories import (
    PNG,
    CreationDecisionFactory,
    LogoCheckFactory,
    OfficialAccountFactory,
)

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_tools():
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "backups are of PostgreSQL: set DATABASE_URL")
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            need_service(tool, "apt-get install postgresql-client")


def url_of(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(url_of("postgres"), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def restored_db():
    name = f"{connection.settings_dict['NAME']}_restored"
    drop_database(name)
    yield name
    drop_database(name)


def table_summaries(url: str) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: (rows, md5 of the rows' text sorted bytewise)."""
    result = {}
    with psycopg.connect(url) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        for (table,) in cursor.fetchall():
            cursor.execute(
                sql.SQL(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text "
                    "COLLATE \"C\"), '')) FROM {} t"
                ).format(sql.Identifier(table))
            )
            result[table] = cursor.fetchone()
    return result


def files_under(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def run(*args, env=None, check=True):
    result = subprocess.run(
        ["bash", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def committed_data(cast, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", stdout=io.StringIO())
    account = OfficialAccountFactory(organization=cast.own)
    CreationDecisionFactory(account=account)
    LogoCheckFactory(account=account, screenshot=ContentFile(PNG, name="logo.png"))
    assert CreationDecision.objects.exists() and LogoCheck.objects.exists()
    return Path(settings.MEDIA_ROOT)


def test_backup_restores_every_table_and_file_exactly(committed_data, restored_db, tmp_path):
    media = committed_data
    source_url = url_of(connection.settings_dict["NAME"])
    backups = tmp_path / "backups"
    env = {"DATABASE_URL": source_url, "MEDIA_ROOT": str(media), "BACKUP_DIR": str(backups)}
    out = run("scripts/backup.sh", env=env).stdout
    assert "written:" in out
    (backup,) = backups.iterdir()
    assert {p.name for p in backup.iterdir()} >= {
        "database.dump",
        "manifest.tsv",
        "media.tar.gz",
        "media.sha256",
    }

    target_url = url_of(restored_db)
    restored_media = tmp_path / "restored-media"
    run("scripts/restore.sh", backup, "--database", target_url, "--media", restored_media)

    source, restored = table_summaries(source_url), table_summaries(target_url)
    assert len(source) > 30  # every app's tables, Django's and the libraries'
    assert source["registry_creationdecision"][0] >= 1
    assert sum(rows for rows, _ in source.values()) > 100
    assert restored == source
    originals = files_under(media)
    assert len(originals) >= 2
    assert files_under(restored_media) == originals


def test_restore_refuses_a_non_empty_database_and_the_check_notices_a_changed_row(
    committed_data, restored_db, tmp_path
):
    source_url, target_url = url_of(connection.settings_dict["NAME"]), url_of(restored_db)
    env = {
        "DATABASE_URL": source_url,
        "MEDIA_ROOT": str(committed_data),
        "BACKUP_DIR": str(tmp_path / "b"),
    }
    run("scripts/backup.sh", env=env)
    (backup,) = (tmp_path / "b").iterdir()
    run("scripts/restore.sh", backup, "--database", target_url, "--media", tmp_path / "m1")

    with psycopg.connect(target_url, autocommit=True) as db:
        db.execute("UPDATE registry_officialaccount SET display_name = display_name || '!'")
    changed = table_summaries(target_url)
    refused = run(
        "scripts/restore.sh",
        backup,
        "--database",
        target_url,
        "--media",
        tmp_path / "m2",
        check=False,
    )
    assert refused.returncode != 0
    assert "not empty" in refused.stderr
    assert table_summaries(target_url) == changed  # nothing was touched
    assert not (tmp_path / "m2").exists()

    verify = subprocess.run(
        [sys.executable, "scripts/pgbackup.py", "verify", target_url, backup / "manifest.tsv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert verify.returncode == 1
    assert "MISMATCH registry_officialaccount" in verify.stderr

    run(
        "scripts/restore.sh",
        backup,
        "--database",
        target_url,
        "--media",
        tmp_path / "m1",
        "--force",
    )
    assert table_summaries(target_url) == table_summaries(source_url)
    assert list(tmp_path.glob("m1.before-restore-*"))  # the replaced files were kept aside


def test_retention_keeps_the_newest_of_each_recent_day_and_month(tmp_path):
    backups = tmp_path / "backups"
    names = [
        "kasipodaq-2026-11-30T020000Z",
        "kasipodaq-2026-11-30T010000Z",  # same day, older: goes
        "kasipodaq-2026-11-29T020000Z",
        "kasipodaq-2026-11-27T020000Z",
        "kasipodaq-2026-11-20T020000Z",  # fourth day: only monthly could keep it, November is kept
        "kasipodaq-2026-10-31T020000Z",  # newest of October: monthly
        "kasipodaq-2026-10-01T020000Z",
        "kasipodaq-2026-09-30T020000Z",  # third month: goes
    ]
    for name in names:
        (backups / name).mkdir(parents=True)
        (backups / name / "database.dump").write_bytes(b"x")
    (backups / "unrelated").mkdir()
    env = {"BACKUP_DIR": str(backups), "BACKUP_KEEP_DAILY": "3", "BACKUP_KEEP_MONTHLY": "2"}
    run("scripts/backup.sh", "--prune-only", env=env)
    assert sorted(p.name for p in backups.iterdir()) == sorted(
        [
            "kasipodaq-2026-11-30T020000Z",
            "kasipodaq-2026-11-29T020000Z",
            "kasipodaq-2026-11-27T020000Z",
            "kasipodaq-2026-10-31T020000Z",
            "unrelated",
        ]
    )
