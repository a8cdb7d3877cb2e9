"""`manage.py bench_load`: the load run of `make bench` on the generated data (bench/load.py;
docs/benchmarks.md, "make bench"). Starts its own gunicorn; run it through
scripts/bench/run.sh, which sets production-like settings."""

from django.core.management.base import BaseCommand

from bench import load


class Command(BaseCommand):
    help = "Load the main pages on gunicorn against their peers; print and write the figures."

    def add_arguments(self, parser):
        parser.add_argument("--size", default="small")
        parser.add_argument("--requests", type=int, default=60, help="requests of each page")
        parser.add_argument("--concurrency", type=int, default=20)
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument("--note", default="", help="a line printed under the run's heading")
        parser.add_argument(
            "--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md"
        )

    def handle(self, *args, size, requests, concurrency, workers, no_docs, note, **options):
        report = load.run(size, requests, concurrency, workers, log=self.stdout.write, note=note)
        if not no_docs:
            load.write_docs(load.render(report))
            self.stdout.write(f"written to {load.DOCS}")
