"""Print every workflow's table (accounts.workflow) as Markdown, or write it into
docs/architecture.md between its markers, so the document cannot drift from the code:
`manage.py workflow_docs --write`. tests/test_workflow_engine.py fails when the file is stale."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.workflow import workflows

START, END = "<!-- workflows:start -->", "<!-- workflows:end -->"
DOC = Path(settings.BASE_DIR) / "docs" / "architecture.md"


def render() -> str:
    out = []
    for name, workflow in sorted(workflows().items()):
        workflow.check_complete()
        guards = workflow.guard_docs()
        out.append(f"### `{name}` ({workflow.model._meta.label})\n")
        if workflow.description:
            out.append(f"{workflow.description}\n")
        out.append("| action | from | to | permission | guards |")
        out.append("|---|---|---|---|---|")
        for row in workflow.table():
            named = ", ".join(f"`{g}`" for g, _rule in row["guards"]) or "—"
            who = f"`{row['permission']}`"
            if row["only"]:
                who += f" only where `{row['only']}`"
            out.append(
                f"| `{row['action']}` | {', '.join(row['from'])} | {row['to']} | {who} | {named} |"
            )
        used = [g for t in workflow.transitions.values() for g in t.guards]
        if used:
            out.append("\nGuards:\n")
            for key in dict.fromkeys(used):
                doc = " ".join(guards[key].doc.split()) if key in guards else "(not registered)"
                rule = guards[key].rule if key in guards else "?"
                out.append(f"- `{key}` ({rule}, `{guards[key].check.__module__}`): {doc}")
        out.append("")
    return "\n".join(out).strip() + "\n"


def current_document() -> str:
    text = DOC.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise CommandError(f"{DOC} has no {START} … {END} markers")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{render()}{END}{tail}"


class Command(BaseCommand):
    help = "Print the workflows' tables, or write them into docs/architecture.md (--write)."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true")

    def handle(self, *args, write=False, **options):
        if write:
            DOC.write_text(current_document(), encoding="utf-8")
            self.stdout.write(f"written: {DOC}")
        else:
            self.stdout.write(render())
