"""The expected answer of every URL pattern to every actor (tests/security/test_url_matrix.py).

Keyed by URL name ("namespace:name"); "name#variant" adds another case of the same pattern
(another action, a query string). `kwargs` and `query` values starting with "@" name an object
of the dataset (test_url_matrix.build): "@publication" is its primary key.

`get` and `post` list the answers in the order of ACTORS, grouped by "|":

    anonymous | alice lara charlie (own) | sam sibling_lawyer sibling_chairman | paula | root

  200, 403, 404, 405 — that status;  L — a redirect to the login page;  302 — another redirect.

A single value means every actor. Every object in the URLs belongs to "own" (or to its
child), so the sibling's people must answer 404 wherever an id appears.

Adding a URL: add its entry here, run the test, and check every answer against the rules in
docs/security.md before writing it down.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTORS = (
    "anonymous",
    "alice",
    "lara",
    "charlie",
    "sam",
    "sibling_lawyer",
    "sibling_chairman",
    "paula",
    "root",
)


@dataclass(frozen=True)
class Case:
    get: str
    post: str
    kwargs: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)


def parse(spec: str) -> dict[str, str]:
    codes = spec.replace("|", " ").split()
    if len(codes) == 1:  # "?" while an entry is being written: shows what it answers
        codes = codes * len(ACTORS)
    if len(codes) != len(ACTORS):
        raise ValueError(f"{spec!r}: {len(codes)} answers for {len(ACTORS)} actors")
    return dict(zip(ACTORS, codes, strict=True))


def C(get: str, post: str, **kwargs) -> Case:  # noqa: N802 - reads as a table row
    query = kwargs.pop("query", {})
    return Case(get=get, post=post, kwargs=kwargs, query=query)


EXPECTED: dict[str, Case] = {
    "admin:index": C(
        "302 | 302 302 302 | 302 302 302 | 302 | 200", "302 | 302 302 302 | 302 302 302 | 302 | 200"
    ),
    "javascript-catalog": C("200", "405"),
    "registry:list": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "registry:export": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        fmt="csv",
    ),
    "registry:create": C(
        "L | 200 403 403 | 200 403 403 | 403 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "registry:hygiene": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    # Issue 13 point 8: the hygiene page's PDF, with the page's filter.
    "registry:hygiene_pdf": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200",
        "L | 403 403 200 | 403 403 200 | 200 | 200",
        query={"flag": "any"},
    ),
    "registry:detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@account",
    ),
    "registry:edit": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:status": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:decision_add": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:logo_check_add": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:logo_recheck": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 302 | 302",
        pk="@account",
    ),
    "registry:appointment_add": C(
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:appointment_end": C(
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        pk="@appointment",
    ),
    "registry:access_list_edit": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:access_list_decide": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@access_list",
        decision="approve",
    ),
    "registry:rotation_add": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@account",
    ),
    "registry:policy": C(
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        org_pk="@own",
    ),
    "registry:document": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        kind="decision",
        pk="@decision",
    ),
    "registry:violations": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    "registry:violation_create": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    "registry:violation_detail": C(
        "L | 404 404 200 | 404 404 404 | 200 | 200",
        "L | 404 404 200 | 404 404 404 | 200 | 200",
        pk="@violation",
    ),
    "content:publications": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "content:publication_create": C(
        "L | 200 403 403 | 200 403 403 | 403 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "content:publication_detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@publication",
    ),
    "content:publication_edit": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@publication",
    ),
    "content:publication_action": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@publication",
        action="approve",
    ),
    # Issue 13 point 4: anyone who may see the publication or plan may discuss it; the empty
    # POST of the matrix is refused with the form shown again (400), nothing saved.
    "content:publication_comment": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 400 400 400 | 404 404 404 | 400 | 400",
        pk="@publication",
    ),
    "content:plan_comment": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 400 400 400 | 404 404 404 | 400 | 400",
        pk="@plan",
    ),
    "content:attachment_add": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@publication",
    ),
    # Issue 11 §7: the lawyer and the parent's chairman may not record the approval (403).
    "content:statement_approval": C(
        "L | 200 403 200 | 404 404 404 | 403 | 200",
        "L | 200 403 200 | 404 404 404 | 403 | 200",
        pk="@publication",
    ),
    "content:version_diff": C(
        "L | 404 404 404 | 404 404 404 | 404 | 404",
        "L | 404 404 404 | 404 404 404 | 404 | 404",
        pk="@publication",
    ),  # no versions asked: 404
    "content:attachment_remove": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@attachment",
    ),
    "content:attachment_file": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@attachment",
    ),
    "content:attachment_thumb": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@attachment",
    ),
    "content:plans": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "content:plan_detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@plan",
    ),
    "content:plan_item_add": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@plan",
    ),
    "content:plan_item_edit": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@plan",
        item_pk="@plan_item",
    ),
    "content:plan_item_delete": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@plan",
        item_pk="@plan_item",
    ),
    "content:plan_action": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@plan",
        action="submit",
    ),
    "content:planning": C(
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        org_pk="@own",
    ),
    "content:calendar": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "content:calendar_move_item": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@plan_item",
    ),
    "content:calendar_move_publication": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@publication",
    ),
    "content:calendar#drill-down": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        query={"organization": "@own"},
    ),
    "content:crises": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "content:crisis_declare": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    "content:crisis_detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 403 403 200 | 404 404 404 | 403 | 200",
        pk="@crisis",
    ),
    "content:moderation": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "checklist:waiting": C(
        "L | 403 200 403 | 403 200 403 | 403 | 200", "L | 403 200 403 | 403 200 403 | 403 | 200"
    ),
    "checklist:detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 302 302 403 | 404 404 404 | 403 | 302",
        pk="@version",
    ),
    "checklist:answer": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 400 400 400 | 404 404 404 | 400 | 400",
        pk="@version",
    ),
    "checklist:route": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 400 403 403 | 404 404 404 | 403 | 400",
        pk="@version",
    ),
    # Issue 13 point 2 (the dataset's version is frozen: CL8.4 refuses with a message).
    "checklist:section_yes": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 302 403 | 404 404 404 | 403 | 302",
        pk="@version",
        section_pk=1,
    ),
    "checklist:reply": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 302 403 | 404 404 404 | 403 | 302",
        pk="@version",
        round_pk=1,
    ),
    "checklist:decide": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 400 403 400 | 404 404 404 | 403 | 400",
        pk="@version",
    ),
    "checklist:pdf": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@version",
        lang="kk",
    ),
    "appeals:list": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "appeals:export": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "appeals:create": C(
        "L | 200 403 200 | 200 403 200 | 200 | 200", "L | 200 403 200 | 200 403 200 | 200 | 200"
    ),
    "appeals:detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@appeal",
    ),
    "appeals:step": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@appeal",
        step="first-response",
    ),
    "appeals:calendar": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200", "L | 403 403 403 | 403 403 403 | 403 | 200"
    ),
    "appeals:calendar_delete": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 403 403 403 | 403 | 302",
        pk="@override",
    ),
    "reports:list": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "reports:create": C(
        "L | 200 403 403 | 200 403 403 | 403 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "reports:detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@report",
    ),
    "reports:edit": C(
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@report",
    ),
    "reports:pdf": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@report",
        lang="kk",
    ),
    "reports:pdf_job": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        pk="@pdf_job",
    ),
    "reports:pdf_job_status": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        pk="@pdf_job",
    ),
    "reports:pdf_job_download": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        pk="@pdf_job",
    ),
    "reports:act": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@report",
        action="refresh",
    ),
    "reports:metrics": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 403 403 | 200 403 403 | 403 | 200"
    ),
    "reports:metrics_template": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        kind="subscribers",
        fmt="csv",
    ),
    "reports:rollup": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    "reports:rollup_export": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200",
        "L | 403 403 200 | 403 403 200 | 200 | 200",
        fmt="xlsx",
    ),
    "reports:dashboard": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    "accounts:home": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:login": C(
        "200 | 302 302 302 | 302 302 302 | 302 | 302", "200 | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "accounts:logout": C("405", "L"),
    "accounts:password_change": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:set_language": C("405", "302"),
    "accounts:notifications": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:notification_open": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 404 404 | 404 404 404 | 404 | 404",
        pk="@notification",
    ),
    "accounts:notification_read_all": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    # Issue 13, point 9: one's own e-mail settings (no id in the URL: nobody else's to reach).
    "accounts:notification_settings": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "accounts:organizations": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:organization_create": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200", "L | 403 403 403 | 403 403 403 | 403 | 200"
    ),
    "accounts:organization_detail": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@own",
    ),
    "accounts:organization_edit": C(
        "L | 403 403 200 | 404 404 404 | 200 | 200",
        "L | 403 403 200 | 404 404 404 | 200 | 200",
        pk="@own",
    ),
    "accounts:organization_move": C(
        "L | 403 403 403 | 404 404 404 | 403 | 200",
        "L | 403 403 403 | 404 404 404 | 403 | 200",
        pk="@own",
    ),
    "accounts:membership_add": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 404 404 404 | 403 | 302",
        pk="@own",
    ),
    "accounts:membership_remove": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 404 404 404 | 403 | 302",
        pk="@membership",
    ),
    "accounts:users": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200", "L | 403 403 403 | 403 403 403 | 403 | 200"
    ),
    "accounts:user_create": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200", "L | 403 403 403 | 403 403 403 | 403 | 200"
    ),
    "accounts:user_edit": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200",
        "L | 403 403 403 | 403 403 403 | 403 | 200",
        pk="@alice",
    ),
    "accounts:audit": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200", "L | 403 403 200 | 403 403 200 | 200 | 200"
    ),
    # Outbox (issue 12, area outbox): superusers only; a message that does not exist is 404.
    "accounts:outbox": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200", "L | 403 403 403 | 403 403 403 | 403 | 200"
    ),
    "accounts:outbox#dead": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200",
        "L | 403 403 403 | 403 403 403 | 403 | 200",
        query={"status": "dead"},
    ),
    "accounts:outbox_retry": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 403 403 403 | 403 | 404",
        pk=2147483000,
    ),
    "accounts:outbox_discard": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 403 403 403 | 403 | 404",
        pk=2147483000,
    ),
    # Variants: other actions, kinds and query strings of the same patterns.
    "registry:export#xlsx": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        fmt="xlsx",
    ),
    "registry:document#logo": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        kind="logo",
        pk="@logo",
    ),
    "registry:document#order": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        kind="order",
        pk="@appointment",
    ),
    "registry:document#evidence": C(
        "L | 403 403 200 | 404 404 404 | 200 | 200",
        "L | 403 403 200 | 404 404 404 | 200 | 200",
        kind="evidence",
        pk="@violation",
    ),
    "registry:access_list_decide#reject": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@access_list",
        decision="reject",
    ),
    "content:publication_action#return": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@publication",
        action="return",
    ),
    "content:publication_action#recall": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@publication",
        action="recall",
    ),
    # Issue 13: approve/return from the notification's card (the engine decides, as above); the
    # e-mail's signed link, here with a token that is not one (refused before any object).
    "content:approval_inline": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@publication",
        action="approve",
    ),
    "content:approval_inline#return": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@publication",
        action="return",
    ),
    "content:approval_confirm": C(
        "L | 400 400 400 | 400 400 400 | 400 | 400",
        "L | 400 400 400 | 400 400 400 | 400 | 400",
        token="not-a-token",
    ),
    "content:version_diff#1-1": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@publication",
        query={"a": 1, "b": 1},
    ),
    "content:plan_action#approve": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 403 | 302",
        pk="@plan",
        action="approve",
    ),
    "appeals:step#assign": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 302 | 404 404 404 | 302 | 302",
        pk="@appeal",
        step="assign",
    ),
    "appeals:step#close": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@appeal",
        step="close",
    ),
    "reports:act#submit": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 403 | 404 404 404 | 403 | 302",
        pk="@report",
        action="submit",
    ),
    "reports:act#accept": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 403 | 404 404 404 | 302 | 302",
        pk="@report",
        action="accept",
    ),
    "reports:metrics_template#xlsx": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        kind="subscribers",
        fmt="xlsx",
    ),
    # Issue 11 §7: an organization out of the user's audit reach answers 404.
    "accounts:audit#own": C(
        "L | 403 403 200 | 403 403 404 | 200 | 200",
        "L | 403 403 200 | 403 403 404 | 200 | 200",
        query={"organization": "@own"},
    ),
    "accounts:audit#child": C(
        "L | 403 403 200 | 403 403 404 | 200 | 200",
        "L | 403 403 200 | 403 403 404 | 200 | 200",
        query={"organization": "@child"},
    ),
    "accounts:audit#sibling": C(
        "L | 403 403 404 | 403 403 200 | 200 | 200",
        "L | 403 403 404 | 403 403 200 | 200 | 200",
        query={"organization": "@sibling"},
    ),
    "accounts:audit#parent": C(
        "L | 403 403 404 | 403 403 404 | 200 | 200",
        "L | 403 403 404 | 403 403 404 | 200 | 200",
        query={"organization": "@parent"},
    ),
    "accounts:audit#not-an-id": C(
        "L | 403 403 404 | 403 403 404 | 404 | 404",
        "L | 403 403 404 | 403 403 404 | 404 | 404",
        query={"organization": "%C2%B2"},
    ),
    "accounts:audit#too-large": C(
        "L | 403 403 404 | 403 403 404 | 404 | 404",
        "L | 403 403 404 | 403 403 404 | 404 | 404",
        query={"organization": "99999999999999999999"},
    ),
    # Added while issue 11 was built: sign-in steps, password reset, the account page and
    # its second factor, files served through permission-checked views.
    "/admin/login/": C("L", "L"),
    "accounts:login_code": C("L", "L"),
    "accounts:password_reset": C("200", "200"),
    "accounts:password_reset_done": C("200", "405"),
    "accounts:password_reset_confirm": C("200", "200", uidb64="MQ", token="not-a-token"),
    "accounts:password_reset_complete": C("200", "405"),
    "accounts:account": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:two_factor_setup": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200", "L | 200 200 200 | 200 200 200 | 200 | 200"
    ),
    "accounts:two_factor_codes": C(
        "L | 302 302 302 | 302 302 302 | 302 | 302", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "accounts:recovery_codes_regenerate": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "accounts:two_factor_disable": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "accounts:sign_out_everywhere": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405", "L | 302 302 302 | 302 302 302 | 302 | 302"
    ),
    "content:statement_document": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@publication",
    ),
    "appeals:response_document": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@appeal",
    ),
    "appeals:attachment": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@appeal",
        attachment_pk="@appeal_attachment",
    ),
    # inbox (issue 15 point 5): the organization's administrators and chairman, chairmen above
    # (masked); lawyers have none. Converting is the organization's own (a chairman above 403);
    # hide/reply/delete are the administrator's. The webhook answers Telegram only: POST with
    # the connection's secret; without it 403 to everyone, signed in or not, and nothing else.
    "inbox:list": C(
        "L | 200 403 200 | 200 403 200 | 200 | 200", "L | 200 403 200 | 200 403 200 | 200 | 200"
    ),
    "inbox:detail": C(
        "L | 200 403 200 | 404 404 404 | 200 | 200",
        "L | 200 403 200 | 404 404 404 | 200 | 200",
        pk="@inbox_message",
    ),
    "inbox:convert": C(
        "L | 200 403 200 | 404 404 404 | 403 | 200",
        "L | 200 403 200 | 404 404 404 | 403 | 200",
        pk="@inbox_message",
    ),
    "inbox:step": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 200 403 403 | 404 404 404 | 403 | 200",
        pk="@inbox_message",
        step="hide",
    ),
    "inbox:telegram_webhook": C("405", "403", connection_id=2147483000),
    # channels (issue 15): the Telegram page of an account (everyone who reads the register),
    # connecting and the token (the own chairman; an empty POST is a form error, 400), a
    # measurement (own administrator and chairman), a delivery's step (own administrator and
    # chairman; an empty link is refused in words, 302).
    "channels:account": C(
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        "L | 200 200 200 | 404 404 404 | 200 | 200",
        pk="@account",
    ),
    "channels:connect": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 400 | 404 404 404 | 403 | 400",
        pk="@account",
    ),
    "channels:token": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 400 | 404 404 404 | 403 | 400",
        pk="@account",
    ),
    "channels:disconnect": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 400 | 404 404 404 | 403 | 400",
        pk="@account",
    ),
    "channels:measure": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 302 | 404 404 404 | 403 | 302",
        pk="@account",
    ),
    "channels:delivery_act": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 302 403 302 | 404 404 404 | 403 | 302",
        pk="@delivery",
        action="resolve_posted",
    ),
    # archive (issue 12 point 5): archive / restore through the object's workflow; the POST
    # carries no reason, so the chairmen (own and parent) and root are refused in words (302).
    "registry:act": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 302 | 302",
        pk="@account",
        action="archive",
    ),
    "checklist:act": C(
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        "L | 403 403 302 | 404 404 404 | 302 | 302",
        pk="@version",
        action="archive",
    ),
    # health (issue 12 point 4): the load balancer's probe answers everyone, GET only; the
    # details are for superusers only (403 to every role), GET only.
    "health": C("200", "405"),
    "health_details": C("L | 403 403 403 | 403 403 403 | 403 | 200", "405"),
    # scale (issue 14 point 1): the pickers' search endpoints, GET only. The purpose is a
    # permission action: held nowhere by the user 403, unknown 404; the answer is scoped.
    "accounts:pick_organization": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "content.view", "q": "ұйым"},
    ),
    "accounts:pick_organization#audit": C(
        "L | 403 403 200 | 403 403 200 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "accounts.audit.view"},
    ),
    "accounts:pick_organization#unknown": C(
        "L | 404 404 404 | 404 404 404 | 404 | 404",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "no.such.action"},
    ),
    "accounts:pick_user": C(
        "L | 403 403 403 | 403 403 403 | 403 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "accounts.membership.manage"},
    ),
    "accounts:pick_user#register": C(
        "L | 200 403 200 | 200 403 200 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "appeals.appeal.register"},
    ),
    "registry:pick_account": C(
        "L | 200 200 200 | 200 200 200 | 200 | 200",
        "L | 405 405 405 | 405 405 405 | 405 | 405",
        query={"purpose": "content.view"},
    ),
}
