"""Issue 11, point 7: the access matrix stays closed.

Every URL pattern of the project × every actor of the cast × GET and POST answers exactly what
tests/security/url_expectations.py says: 200, 302 to the login page, another 302, 403, 404 or 405.
The objects in the URLs all belong to "own" (or its subtree), so the sibling organization's
people must get 404 on every detail, edit, export, file and action URL. A URL pattern without an
entry in the table fails the test, naming the pattern. A 403 or 404 never changes a row (the
database's own per-transaction write counters, or row counts on SQLite, before and after).

One dataset for the whole module, built inside a transaction that is rolled back at the end;
every request runs in a savepoint of its own that is rolled back too, so that an allowed POST
(root withdrawing a role, say) never changes what the next actor sees.
"""

from __future__ import annotations

import os
from datetime import date
from http.cookies import SimpleCookie
from io import BytesIO
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Membership, OrganizationKind, Role
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.security.url_expectations import ACTORS, EXPECTED, Case, parse

MARK = "ZQXOWNMARK"  # written into every own object's text: a sibling never reads it


# --------------------------------------------------------------------------- URL enumeration


def url_patterns() -> dict[str, str]:
    """{key: route} for every pattern of the project. The key is "namespace:name" (the route
    itself for an unnamed pattern). Django admin's internals are one entry, "admin:index"."""
    found: dict[str, str] = {}

    def walk(patterns, namespace: str, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    found["admin:index"] = prefix + str(p.pattern)
                    continue
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, ns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                key = f"{namespace}{p.name}" if p.name else route
                found[key] = route

    walk(get_resolver().url_patterns, "", "/")
    return found


PATTERNS = url_patterns()


def test_every_url_pattern_has_an_entry():
    missing = sorted(k for k in PATTERNS if k not in {c.split("#")[0] for c in EXPECTED})
    stale = sorted({c.split("#")[0] for c in EXPECTED} - set(PATTERNS))
    assert not missing, (
        "URL patterns without an entry in tests/security/url_expectations.py EXPECTED: "
        + ", ".join(f"{k} ({PATTERNS[k]})" for k in missing)
    )
    assert not stale, f"Entries for URL patterns that no longer exist: {', '.join(stale)}"


# --------------------------------------------------------------------------------- the dataset


def _png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n%test\n%%EOF\n"


def build() -> SimpleNamespace:
    """The cast of tests/conftest.py and one object of each kind in "own"."""
    from appeals import services as appeal_services
    from appeals.models import AppealAttachment
    from checklist.models import Checklist, TemplateVersion
    from content import crises
    from content.models import (
        Attachment,
        ContentPlan,
        PlanItem,
        PublicationStatus,
        StatementApproval,
    )
    from registry.models import AccessListVersion, Violation
    from reports import services as report_services
    from tests.appeals.factories import register
    from tests.checklist.factories import ensure_template
    from tests.content.factories import plan, publication
    from tests.registry.factories import (
        AccessListFactory,
        AppointmentFactory,
        CreationDecisionFactory,
        LogoCheckFactory,
        OfficialAccountFactory,
        RotationFactory,
    )

    parent = OrganizationFactory(kind=OrganizationKind.REGIONAL, name_kk="Облыс", name_ru="Область")
    own = OrganizationFactory(parent=parent, name_kk=f"Өз ұйымы {MARK}", name_ru=f"Своя {MARK}")
    sibling = OrganizationFactory(parent=parent, name_kk="Көрші ұйым", name_ru="Соседняя")
    child = OrganizationFactory(parent=own, name_kk="Еншілес ұйым", name_ru="Дочерняя")

    def member(username, organization, role):
        user = UserFactory(username=username)
        MembershipFactory(user=user, organization=organization, role=role)
        return user

    users = {
        "alice": member("alice", own, Role.ADMINISTRATOR),
        "lara": member("lara", own, Role.LAWYER),
        "charlie": member("charlie", own, Role.CHAIRMAN),
        "sam": member("sam", sibling, Role.ADMINISTRATOR),
        "sibling_lawyer": member("sibling_lawyer", sibling, Role.LAWYER),
        "sibling_chairman": member("sibling_chairman", sibling, Role.CHAIRMAN),
        "paula": member("paula", parent, Role.CHAIRMAN),
        "root": UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    alice, charlie, root = users["alice"], users["charlie"], users["root"]

    # Registry: an account with every document, an access list waiting for approval, a breach.
    account = OfficialAccountFactory(organization=own, display_name=f"Арна {MARK}")
    decision = CreationDecisionFactory(account=account)
    logo = LogoCheckFactory(account=account)
    appointment = AppointmentFactory(account=account, user=alice, full_name=str(alice))
    AccessListFactory(account=account, status=AccessListVersion.Status.APPROVED)
    access_list = AccessListFactory(account=account, status=AccessListVersion.Status.PENDING)
    RotationFactory(account=account)
    violation = Violation.objects.create(
        rule="R9.3",
        organization=own,
        account=account,
        responsible_name=f"Бұзушы {MARK}",
        occurred_on=date(2026, 1, 5),
        description=f"Сипаттама {MARK}",
        evidence=ContentFile(PDF, name="evidence.pdf"),
        recorded_by=charlie,
    )

    # Content: an official statement waiting for the chairman, with a photo and its checklist.
    pub = publication(
        own,
        alice,
        status=PublicationStatus.SUBMITTED,
        title=f"Мәлімдеме {MARK}",
        account=account,
        is_official_statement=True,
        frozen=True,
    )
    version = pub.current_version
    StatementApproval.objects.create(
        publication=pub,
        body="Кәсіподақ комитеті",
        decision_number="7",
        decision_date=date(2026, 1, 20),
        document=ContentFile(PDF, name="statement.pdf"),
        recorded_by=alice,
    )
    attachment = Attachment.objects.create(
        version=version,
        kind=Attachment.Kind.PHOTO,
        file=ContentFile(_png(), name="photo.png"),
        thumbnail=ContentFile(_png(), name="thumb.png"),
        original_name="photo.png",
        size=100,
    )
    ensure_template()
    checklist = Checklist.objects.create(
        version=version, template=TemplateVersion.objects.current(), status="in_progress"
    )
    content_plan = plan(own, alice, status=ContentPlan.Status.DRAFT)
    plan_item = PlanItem.objects.create(
        plan=content_plan,
        topic=f"Тақырып {MARK}",
        kind="social",
        direction="partnership",
        audiences=["members"],
        language="kk",
        planned_on=date(2026, 11, 10),
    )
    crisis = crises.crisis_declare(
        actor=charlie,
        organization=own,
        title=f"Дау {MARK}",
        agreed_position=f"Ұстаным {MARK}",
        working_group=[users["lara"]],
    )

    # Appeals (with a screenshot and an official response document), the working calendar,
    # reports, notifications.
    appeal = register(alice, own, text=f"Өтініш {MARK}", author_name=f"Автор {MARK}")
    appeal.official_response_document = ContentFile(PDF, name="response.pdf")
    appeal.save(update_fields=["official_response_document"])
    appeal_attachment = AppealAttachment.objects.create(
        appeal=appeal, file=ContentFile(_png(), name="shot.png"), original_name="shot.png"
    )
    override, _moved = appeal_services.calendar_override_save(
        actor=root, day=date(2030, 12, 4), kind="day_off", reason="Тест"
    )
    report = report_services.report_create(
        actor=alice, organization=own, starts_on=date(2026, 1, 1), ends_on=date(2026, 6, 30)
    )
    from reports.models import PdfJob  # issue 14: a report PDF built by a worker

    pdf_job = PdfJob.objects.create(
        organization=own, kind="report", report=report, starts_on=report.starts_on,
        ends_on=report.ends_on, language="kk", key="report:matrix", status="done", progress=100,
        file=ContentFile(PDF, name="job.pdf"),
    )  # fmt: skip
    from accounts.notifications import notify

    (notification,) = notify([alice], kind="test", title=f"Хабар {MARK}", email=False)
    # Inbox (issue 15 point 5): a comment that came to the account.
    from django.utils import timezone

    from inbox.models import InboxMessage

    inbox_message = InboxMessage.objects.create(
        organization=own,
        account=account,
        external_id="tg:-1001:1",
        kind="comment",
        chat_id=-1001,
        message_id=1,
        author_name=f"Автор {MARK}",
        text=f"Пікір {MARK}",
        received_at=timezone.now(),
    )

    # Channels (issue 15): a delivery of the publication that needs a person's check.
    from channels.models import Delivery

    delivery = Delivery.objects.create(
        target=pub.targets.get(),
        publication=pub,
        account=account,
        version=version,
        version_hash="0" * 64,
        status="unknown",
        send_after=timezone.now(),
    )

    return SimpleNamespace(
        users=users,
        parent=parent,
        own=own,
        sibling=sibling,
        child=child,
        account=account,
        decision=decision,
        logo=logo,
        appointment=appointment,
        access_list=access_list,
        violation=violation,
        publication=pub,
        version=version,
        attachment=attachment,
        checklist=checklist,
        plan=content_plan,
        plan_item=plan_item,
        crisis=crisis,
        appeal=appeal,
        appeal_attachment=appeal_attachment,
        override=override,
        report=report,
        pdf_job=pdf_job,
        notification=notification,
        inbox_message=inbox_message,
        delivery=delivery,
        membership=Membership.objects.get(user=alice, organization=own),
        alice=alice,
    )


# The matrix is about who gets an answer, not what the PDF looks like (tests/checklist and
# tests/reports render them): WeasyPrint would take most of the module's time.
FAST_PDF = (
    mock.patch("checklist.views.render_pdf", return_value=PDF),
    mock.patch("reports.exports.report_pdf", return_value=PDF),
)


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), FAST_PDF[0], FAST_PDF[1]:
        dataset = build()
        # One signed-in session per actor, reused by a fresh client for each request.
        dataset.sessions = {}
        for name, user in dataset.users.items():
            client = Client()
            client.force_login(user)
            dataset.sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield dataset
        transaction.set_rollback(True)


# ------------------------------------------------------------------------------ the requests


def writes() -> dict[str, int]:
    """Rows written so far in this transaction, per table (the session table aside: a request
    may touch its own session)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
            )
            rows = dict(cursor.fetchall())
    else:
        from django.apps import apps

        rows = {m._meta.db_table: m._default_manager.count() for m in apps.get_models()}
    rows.pop("django_session", None)
    return rows


def answer(response) -> str:
    if response.status_code == 302:
        login = resolve_url(settings.LOGIN_URL)
        return "L" if response["Location"].startswith(login) else "302"
    return str(response.status_code)


def request(data, actor: str, method: str, url: str):
    client = Client(raise_request_exception=False)
    if actor != "anonymous":
        client.cookies = SimpleCookie({settings.SESSION_COOKIE_NAME: data.sessions[actor]})
    with transaction.atomic():
        # PostgreSQL's counters only grow (a rolled-back savepoint keeps its count), so the
        # previous request's "after" is this one's "before"; row counts must be read again.
        before = data.__dict__.pop("last_writes", None)
        if before is None or connection.vendor != "postgresql":
            before = writes()
        response = getattr(client, method)(url)
        after = data.last_writes = writes()
        transaction.set_rollback(True)
    changed = {t: after[t] - before.get(t, 0) for t in after if after[t] != before.get(t, 0)}
    return response, changed


def resolve(value, data):
    if isinstance(value, str) and value.startswith("@"):
        obj = getattr(data, value[1:])
        return obj.pk
    return value


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_url_matrix(data, key):
    case: Case = EXPECTED[key]
    name = key.split("#")[0]
    if name not in PATTERNS:
        pytest.fail(f"{key}: no such URL pattern (remove the entry)")
    kwargs = {k: resolve(v, data) for k, v in case.kwargs.items()}
    url = name if name.startswith("/") else reverse(name, kwargs=kwargs)
    if case.query:
        url += "?" + "&".join(f"{k}={resolve(v, data)}" for k, v in case.query.items())
    problems = []
    observed = {}
    for method in ("get", "post"):
        expected = parse(getattr(case, method))
        got = []
        for actor in ACTORS:
            response, changed = request(data, actor, method, url)
            code = answer(response)
            got.append(code)
            if code != expected[actor] and expected[actor] != "?":
                detail = ""
                if code == "500" and getattr(response, "exc_info", None):
                    detail = f": {response.exc_info[1]!r}"
                problems.append(f"{method.upper()} {url} as {actor}: {code}, not {expected[actor]}")
                problems[-1] += detail
            if code in ("403", "404", "405") and changed:
                problems.append(
                    f"{method.upper()} {url} as {actor} answered {code} but wrote {changed}"
                )
            if (
                actor in ("sam", "sibling_lawyer", "sibling_chairman")
                and code == "200"
                and MARK.encode()
                in b"".join(getattr(response, "streaming_content", None) or [response.content])
            ):
                problems.append(f"{method.upper()} {url} as {actor}: shows an object of 'own'")
        observed[method] = got
    if os.environ.get("MATRIX_OBSERVED"):  # a file to collect every row when extending the table
        with open(os.environ["MATRIX_OBSERVED"], "a", encoding="utf-8") as out:
            out.write(f"{key}\t{grouped(observed['get'])}\t{grouped(observed['post'])}\n")
    if "?" in (case.get + case.post) or problems:
        row = ", ".join(f'{m}="{grouped(observed[m])}"' for m in ("get", "post"))
        pytest.fail(f"{key}:\n  " + "\n  ".join([*problems, f"observed: {row}"]), pytrace=False)


def grouped(codes: list[str]) -> str:
    """The answers written like the table: anonymous | own | sibling | parent | superuser."""
    return " | ".join(" ".join(codes[a:b]) for a, b in ((0, 1), (1, 4), (4, 7), (7, 8), (8, 9)))


# ------------------------------------------------------------- the two findings of point 7


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor", "shown"),
    [("alice", True), ("charlie", True), ("root", True), ("lara", False), ("paula", False)],
)
def test_the_statement_approval_form_is_offered_only_to_those_who_can_submit_it(data, actor, shown):
    """A lawyer, or the chairman of the parent organization, may read the official statement
    but not record its approval: no "Record" button, and the form's page answers 403."""
    form_url = reverse("content:statement_approval", args=[data.publication.pk])
    page, _changed = request(
        data, actor, "get", reverse("content:publication_detail", args=[data.publication.pk])
    )
    assert page.status_code == 200
    assert (f'href="{form_url}"' in page.content.decode()) is shown
    form, _changed = request(data, actor, "get", form_url)
    assert form.status_code == (200 if shown else 403)


@pytest.mark.django_db
def test_the_audit_of_an_organization_out_of_audit_reach_answers_404(data):
    """Someone who sees "own" as the parent's lawyer but chairs only its child may read the
    child's audit trail; for "own" itself the page answers 404, as for an organization that does
    not exist — not 403, which would tell them the audit of "own" is there."""
    user = UserFactory(username="two_roles")
    MembershipFactory(user=user, organization=data.parent, role=Role.LAWYER)
    MembershipFactory(user=user, organization=data.child, role=Role.CHAIRMAN)
    client = Client()
    client.force_login(user)
    audit = reverse("accounts:audit")
    assert client.get(audit, {"organization": data.child.pk}).status_code == 200
    for out_of_reach in (data.own.pk, data.parent.pk, data.sibling.pk, "٣", "9" * 30):
        response = client.get(audit, {"organization": out_of_reach})
        assert response.status_code == 404, out_of_reach
