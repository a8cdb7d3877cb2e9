"""`manage.py check_health [--json] [--skip-services]`: the findings of /health/details/ for
monitoring (docs/operations.md). Exit 0 when healthy, 1 with every finding otherwise."""

import json

from django.core.management.base import BaseCommand

from accounts import health


class Command(BaseCommand):
    help = "Check the database, broker, cache, periodic tasks and outbox; exit 1 on any problem."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--skip-services",
            action="store_true",
            help="do not probe the database, broker and cache (only tasks and the outbox)",
        )

    def handle(self, *args, **options):
        data = health.report(include_services=not options["skip_services"])
        if options["json"]:
            self.stdout.write(json.dumps(health.report_json(data), indent=2))
        else:
            for name, state in data["services"].items():
                self.stdout.write(f"service {name}: {state}")
            now = data["now"]
            for task in data["tasks"]:
                age = task.age_seconds(now)
                self.stdout.write(
                    f"task {task.name}: {'STALE' if task.stale else 'ok'}"
                    f" (last run {'never' if age is None else f'{age} s ago'})"
                )
            outbox = data["outbox"]
            oldest = outbox.get("oldest_pending_at")
            self.stdout.write(
                f"outbox: pending {outbox.get('pending', 0)}, dead {outbox.get('dead', 0)}, "
                f"oldest pending {oldest.isoformat() if oldest else '-'}"
            )
            for finding in data["findings"]:
                self.stderr.write("PROBLEM " + " ".join(f"{k}={v}" for k, v in finding.items()))
        if data["findings"]:
            raise SystemExit(1)
