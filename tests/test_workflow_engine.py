"""The transition engine itself: one InvalidTransition, every named guard registered, the
architecture document printed from the code."""

import re
from pathlib import Path

import pytest

from accounts.management.commands import workflow_docs
from accounts.workflow import workflows

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "registry", "content", "checklist", "appeals", "reports")


def test_there_is_one_invalid_transition_class_in_the_project():
    found = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if re.search(r"^class InvalidTransition\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert found == ["accounts/exceptions.py"]


def test_every_workflow_is_declared_and_every_guard_it_names_is_registered():
    names = set(workflows())
    assert {"content.publication", "content.plan"} <= names
    for workflow in workflows().values():
        workflow.check_complete()


@pytest.mark.parametrize("name", sorted(workflows()))
def test_every_guard_cites_a_rule_of_the_regulation(name):
    for key, guard in workflows()[name].guard_docs().items():
        assert re.fullmatch(r"(R\d+(\.\d+)*|CL\d+(\.\d+)*|RPT\d+(\.\d+)*)", guard.rule), key
        assert guard.rule in guard.doc, f"{key}: its docstring must cite {guard.rule}"


def test_the_architecture_document_prints_the_tables_of_the_code():
    assert workflow_docs.DOC.read_text(encoding="utf-8") == workflow_docs.current_document(), (
        "run `manage.py workflow_docs --write`"
    )


def test_no_view_decides_which_buttons_to_show_on_its_own():
    """Pages take their buttons from available_actions: no `can_submit`-style flags."""
    flags = re.compile(
        r"\"can_(submit|recall|decide|publish|publish_urgent|acknowledge|withdraw|approve|"
        r"return|accept|forward|extend|close|answer|take)\""
    )
    offenders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("views*.py")
        if flags.search(path.read_text(encoding="utf-8"))
    ] + [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app / "views").rglob("*.py")
        if (ROOT / app / "views").is_dir() and flags.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_another_app_s_guards_stand_in_the_owner_s_table():
    """channels puts Telegram's limits on content's steps, archiving puts "archived?" in front
    of every step: through Workflow.add_guard, not by the owner naming guards it does not know."""
    from content.workflows import publication_workflow as wf

    for action in ("submit", "publish_urgent", "approve"):
        assert wf.transitions[action].guards[-1] == "R6.2-telegram"
    for transition in wf.transitions.values():
        if transition.name not in ("archive", "restore"):
            assert transition.guards[0] == "CL8.4-archived"
            assert "CL8.4-archived" in transition.hidden_when
    before = wf.transitions["approve"]
    wf.add_guard("approve", "R6.2-telegram")  # added once, whoever asks again
    assert wf.transitions["approve"] is before
    source = Path("content/workflows.py").read_text(encoding="utf-8")
    assert "R6.2-telegram" not in source
