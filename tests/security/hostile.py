"""What the hostile-input tests share (test_hostile_input.py, test_forms_property.py): the values
an attacker posts, a small world with one object of every kind in the "own" organization, every
URL of the project filled with that world's ids, and a count of every row in the database (a
refused request must leave every count as it was)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

SCRIPT = "<script>alert('x')</script>"
HOSTILE = [
    "\x00",
    "a\x00b",
    "²",
    "١٢",  # Arabic-Indic digits: int() reads them, isascii() does not
    "-1",
    "0",
    str(2**31),
    str(2**63),
    "9" * 5000,  # past Python's int-from-string limit (4300 digits)
    "abc",
    "",
    " ",
    "0001-01-01",
    "9999-12-31",
    "x" * 100_000,
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e",
    '=HYPERLINK("http://evil.example","x")',
    "1e400",
    "NaN",
]


def world(cast) -> SimpleNamespace:
    """One object of each kind, all in "own" (the appeal's attachments and the report too)."""
    from appeals.models import CalendarOverride
    from content.models import PlanItem
    from content.services import crisis_declare
    from reports import services as report_services
    from tests.appeals.factories import register
    from tests.checklist.factories import ensure_template
    from tests.content.factories import official_account, plan, publication
    from tests.registry.factories import AccessListFactory, AppointmentFactory

    ensure_template()
    account = official_account(cast.own, administrator=cast.alice)
    appointment = AppointmentFactory(account=account, user=cast.lara, full_name="Лара")
    access_list = AccessListFactory(account=account)
    pub = publication(cast.own, cast.alice, account=account)
    content_plan = plan(cast.own, cast.alice)
    item = PlanItem.objects.create(
        plan=content_plan,
        topic="Ұжымдық шарт",
        kind="social",
        direction="partnership",
        audiences=["members"],
        language="kk",
        planned_on=date(2026, 11, 10),
    )
    appeal = register(cast.alice, cast.own)
    report = report_services.report_create(
        actor=cast.alice,
        organization=cast.own,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
    )
    crisis = crisis_declare(
        actor=cast.paula,
        organization=cast.parent,
        title="Дау",
        agreed_position="Тек расталған деректер.",
        working_group=[cast.lara],
    )
    override = CalendarOverride.objects.create(day=date(2026, 3, 9), kind="holiday", reason="x")
    from accounts.models import Membership, Notification

    notification = Notification.objects.create(recipient=cast.alice, kind="x", title="x")
    return SimpleNamespace(
        cast=cast,
        account=account,
        appointment=appointment,
        access_list=access_list,
        publication=pub,
        version=pub.current_version,
        plan=content_plan,
        item=item,
        appeal=appeal,
        report=report,
        crisis=crisis,
        override=override,
        notification=notification,
        membership=Membership.objects.filter(organization=cast.own).first(),
    )


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace or ""
            if namespace == "admin":
                continue
            yield from _patterns(entry, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def url_names() -> list[str]:
    return sorted({name for name, _entry in _patterns()})


def kwargs_for(name: str, w: SimpleNamespace) -> list[dict]:
    """Every way of filling the URL's arguments with the world's ids."""
    pk = {
        "accounts:notification_open": w.notification.pk,
        "accounts:membership_remove": w.membership.pk,
        "appeals:detail": w.appeal.pk,
        "appeals:step": w.appeal.pk,
        "appeals:calendar_delete": w.override.pk,
        "checklist:detail": w.version.pk,
        "checklist:answer": w.version.pk,
        "checklist:route": w.version.pk,
        "checklist:decide": w.version.pk,
        "checklist:pdf": w.version.pk,
        "content:plan_detail": w.plan.pk,
        "content:plan_item_add": w.plan.pk,
        "content:plan_item_edit": w.plan.pk,
        "content:plan_action": w.plan.pk,
        "content:crisis_detail": w.crisis.pk,
        "registry:appointment_end": w.appointment.pk,
        "reports:detail": w.report.pk,
        "reports:edit": w.report.pk,
        "reports:pdf": w.report.pk,
        "reports:act": w.report.pk,
    }
    for name_, entry in _patterns():
        if name_ != name:
            continue
        params = set(entry.pattern.converters)
        base: dict = {}
        for param in params:
            if param == "pk":
                if name in pk:
                    base["pk"] = pk[name]
                elif name.startswith("content:publication") or name in (
                    "content:attachment_add",
                    "content:statement_approval",
                    "content:version_diff",
                ):
                    base["pk"] = w.publication.pk
                elif name.startswith("registry:"):
                    base["pk"] = w.account.pk
                elif name.startswith("accounts:"):
                    base["pk"] = w.cast.own.pk
                else:
                    base["pk"] = 1
            elif param == "org_pk":
                base["org_pk"] = w.cast.own.pk
            elif param == "item_pk":
                base["item_pk"] = w.item.pk
            elif param == "version_pk":
                base["version_pk"] = w.access_list.pk
            elif param in ("lang",):
                base[param] = "kk"
            elif param == "fmt":
                base[param] = "csv"
            elif param == "kind":
                base[param] = "subscribers" if name.startswith("reports:") else "decision"
            elif param in ("step", "action"):
                base[param] = {
                    "appeals:step": "assign",
                    "content:plan_action": "submit",
                    "reports:act": "submit",
                }.get(name, "approve")
            else:
                base[param] = "x"
        return [base]
    return []


def resolve_all(w: SimpleNamespace) -> list[tuple[str, str]]:
    """(name, path) of every URL of the project, admin aside."""
    out = []
    for name in url_names():
        for kwargs in kwargs_for(name, w):
            try:
                out.append((name, reverse(name, kwargs=kwargs)))
            except Exception:  # noqa: BLE001 - a pattern this table cannot fill: listed by name
                out.append((name, ""))
    return out


def row_counts() -> dict[str, int]:
    """Rows of every table of the project's apps, in one query (sessions and axes aside)."""
    from django.db import connection

    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label
        in ("accounts", "registry", "content", "checklist", "appeals", "reports")
        and model._meta.managed
        and not model._meta.proxy
    )
    quote = connection.ops.quote_name
    # A page showing an appeal's author logs that view (R9.1) whether or not its form was
    # right: a record of reading, not a save.
    reads = "WHERE action NOT IN ('appeals.appeal.view_personal_data')"
    sql = "SELECT " + ", ".join(
        f"(SELECT COUNT(*) FROM {quote(t)} {reads if t == 'accounts_auditentry' else ''})"
        for t in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def unescaped(body: str) -> bool:
    """The payload as a browser would run it; its escaped copy (&lt;script&gt;) is fine."""
    return SCRIPT in body or "<img src=x onerror" in body
