"""`manage.py bench_data --size small|large`: the deterministic data set of `make bench`
(bench/generate.py; docs/benchmarks.md, "make bench"). Reuses the data when the database already
holds the same size and schema; --recreate drops and rebuilds a stale benchmark database."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import generate


class Command(BaseCommand):
    help = "Generate (or reuse) the benchmark data set in DATABASE_URL (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(generate.SIZES), default="small")
        parser.add_argument(
            "--recreate",
            action="store_true",
            help="drop and recreate the database when it holds other or stale data "
            "(only a database whose name contains 'bench')",
        )

    def handle(self, *args, size, recreate, **options):
        start = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        try:
            result = generate.ensure(size, log=self.stdout.write)
        except generate.StaleData as error:
            if not recreate:
                raise CommandError(str(error)) from error
            self.recreate()
            call_command("migrate", verbosity=0, interactive=False)
            result = generate.ensure(size, log=self.stdout.write)
        took = time.perf_counter() - start
        for label, n in result.counts.items():
            self.stdout.write(f"  {label:<34} {n:>10,}")
        verb = "reused" if result.reused else "generated"
        self.stdout.write(f"bench data {verb} ({size}) in {took:.0f} s")

    def recreate(self):
        name = settings.DATABASES["default"]["NAME"]
        if "bench" not in name:
            raise CommandError(f"refusing to drop {name!r}: not a benchmark database")
        self.stdout.write(f"dropping and recreating {name}")
        connection.close()
        import psycopg

        params = connection.get_connection_params()
        params["dbname"] = "postgres"
        with psycopg.connect(**params, autocommit=True) as maintenance:
            maintenance.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            maintenance.execute(f'CREATE DATABASE "{name}"')
