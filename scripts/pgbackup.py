"""The database half of `make backup` / `make restore` (scripts/backup.sh, scripts/restore.sh).

    python scripts/pgbackup.py dump URL OUT.dump MANIFEST.tsv
        pg_dump -Fc of the database at URL, and a manifest of every table (rows and checksum)
        computed from the very snapshot the dump was taken from (pg_export_snapshot), so the
        manifest describes the dump exactly even while the application writes.
    python scripts/pgbackup.py manifest URL
        the same manifest of a database as it is now, on standard output.
    python scripts/pgbackup.py verify URL MANIFEST.tsv
        compares a (restored) database with a manifest; lists every difference, exit 1 if any.
    python scripts/pgbackup.py prepare URL [--force]
        makes sure the database at URL exists and is empty: creates it if missing; refuses one
        that holds tables (exit 3), or, with --force, drops its public schema first.

A table's checksum is md5 over its rows' text, sorted (`ORDER BY t::text COLLATE "C"`), so it
does not depend on the physical order of rows or on the server's locale. docs/operations.md,
"Backups and restore".
"""

from __future__ import annotations

import subprocess  # nosec B404: runs pg_dump with a fixed argument list, no shell
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

HEADER = "# table\trows\tmd5"


def tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ' ORDER BY tablename COLLATE "C"'
    )
    return [row[0] for row in cursor.fetchall()]


def table_summary(cursor, table: str) -> tuple[int, str]:
    cursor.execute(
        sql.SQL(
            "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text"
            " COLLATE \"C\"), '')) FROM public.{} AS t"
        ).format(sql.Identifier(table))
    )
    count, digest = cursor.fetchone()
    return int(count), digest


def manifest_lines(cursor) -> list[str]:
    return [HEADER] + [
        "\t".join([table, str(rows), digest])
        for table in tables(cursor)
        for rows, digest in [table_summary(cursor, table)]
    ]


def read_manifest(path: str) -> dict[str, tuple[int, str]]:
    result = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            table, rows, digest = line.rstrip("\n").split("\t")
            result[table] = (int(rows), digest)
    return result


def dump(url: str, out: str, manifest: str) -> None:
    with psycopg.connect(url) as connection:
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        subprocess.run(  # nosec B603 B607: fixed arguments; pg_dump from PATH
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={out}",
                f"--dbname={url}",
            ],
            check=True,
        )
        with connection.cursor() as cursor:
            lines = manifest_lines(cursor)
    with open(manifest, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"database: {len(lines) - 1} tables, {sum_rows(lines)} rows")


def sum_rows(lines: list[str]) -> int:
    return sum(int(line.split("\t")[1]) for line in lines[1:])


def verify(url: str, manifest: str) -> int:
    expected = read_manifest(manifest)
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        actual = {table: table_summary(cursor, table) for table in tables(cursor)}
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if table not in actual:
            problems.append(f"{table}: missing from the restored database")
        elif table not in expected:
            problems.append(f"{table}: not in the backup's manifest")
        elif actual[table] != expected[table]:
            (rows_e, md5_e), (rows_a, md5_a) = expected[table], actual[table]
            problems.append(f"{table}: expected {rows_e} rows md5 {md5_e}, found {rows_a} {md5_a}")
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if not problems:
        print(f"database verified: {len(actual)} tables, rows and checksums as in the manifest")
    return 1 if problems else 0


def _maintenance_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        raise SystemExit(f"no database name in {parts._replace(netloc=parts.hostname or '')}")
    return urlunsplit(parts._replace(path="/postgres")), name


def prepare(url: str, force: bool) -> int:
    maintenance, name = _maintenance_url(url)
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"database {name}: created")
            return 0
    with psycopg.connect(url, autocommit=True) as connection, connection.cursor() as cursor:
        present = tables(cursor)
        if present and not force:
            print(
                f"database {name} is not empty ({len(present)} tables): refusing to restore "
                "over it; restore into a new database, or add --force to replace its contents",
                file=sys.stderr,
            )
            return 3
        if present:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
            print(f"database {name}: --force, its {len(present)} tables dropped")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 4 and argv[0] == "dump":
        dump(argv[1], argv[2], argv[3])
        return 0
    if len(argv) == 2 and argv[0] == "manifest":
        with psycopg.connect(argv[1]) as connection, connection.cursor() as cursor:
            print("\n".join(manifest_lines(cursor)))
        return 0
    if len(argv) == 3 and argv[0] == "verify":
        return verify(argv[1], argv[2])
    if len(argv) in (2, 3) and argv[0] == "prepare":
        return prepare(argv[1], force=argv[2:] == ["--force"])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
