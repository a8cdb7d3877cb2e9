"""Issue 12, point 2: every form that creates something carries a one-time token, and the same
submission sent twice creates one object and shows it (accounts/once.py)."""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from accounts import once
from accounts.models import AuditEntry, Organization, SubmissionToken, User
from appeals.models import Appeal
from content.models import Attachment, ContentPlan, Crisis, ModerationAction, PlanItem, Publication
from registry.models import OfficialAccount, PasswordRotation, Violation
from reports.models import Report
from tests.conftest import need_service
from tests.content.factories import official_account, plan, publication
from tests.registry.factories import PNG, OfficialAccountFactory

MESSAGE = "This form was already sent; here is what it created."


def csv_bytes(*rows) -> bytes:
    return ("\n".join(",".join(str(c) for c in row) for row in rows) + "\n").encode()


@dataclass(frozen=True)
class Case:
    user: str
    setup: Callable[[SimpleNamespace], dict]  # returns the context the other callables read
    url: Callable[[dict], str]
    data: Callable[[dict], dict]
    count: Callable[[], int]
    files: Callable[[], dict] = field(default=lambda: {})
    page: Callable[[dict], str] | None = None  # where the form is, when not at `url`


def _appeal(cast):
    return {
        "organization": cast.own.pk,
        "received_at": "2026-11-20 10:00",
        "channel": "telegram",
        "channel_account": "@kasipodaq_own",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": "+7 701 123 45 67",
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": "complaint",
        "topic": "pay",
        "processing_basis": "consent",
        "privacy_notice": "reply",
    }


def _publication_ctx(cast):
    return {"account": official_account(cast.own, administrator=cast.alice)}


def _with_account(cast):
    return {"account": OfficialAccountFactory(organization=cast.own)}


def _metrics_ctx(cast):
    OfficialAccountFactory(organization=cast.own, url="https://t.me/bizdin_arna")
    return {}


CASES: dict[str, Case] = {
    "appeal registration": Case(
        "alice",
        lambda cast: {"cast": cast},
        lambda c: reverse("appeals:create"),
        lambda c: _appeal(c["cast"]),
        lambda: Appeal.objects.count(),
    ),
    "publication": Case(
        "alice",
        _publication_ctx,
        lambda c: reverse("content:publication_create"),
        lambda c: {
            "title": "Жаңа жарияланым",
            "text_kk": "Қазақша мәтін",
            "kind": "informational",
            "direction": "news",
            "audiences": ["members"],
            "language": "kk",
            "accounts": [c["account"].pk],
            "unplanned_reason": "Жедел хабар",
        },
        lambda: Publication.objects.count(),
    ),
    "plan": Case(
        "alice",
        lambda cast: {},
        lambda c: reverse("content:plans"),
        lambda c: {"day": timezone.localdate().isoformat()},
        lambda: ContentPlan.objects.count(),
    ),
    "plan item": Case(
        "alice",
        lambda cast: {
            "plan": plan(
                cast.own,
                cast.alice,
                starts=timezone.localdate().replace(day=1),
                ends=timezone.localdate().replace(day=1) + timedelta(days=27),
            )
        },
        lambda c: reverse("content:plan_item_add", args=[c["plan"].pk]),
        lambda c: {
            "topic": "Ұжымдық шарт",
            "kind": "social",
            "direction": "partnership",
            "audiences": ["members"],
            "language": "kk",
            "planned_on": c["plan"].ends_on.isoformat(),
        },
        lambda: PlanItem.objects.count(),
    ),
    "publication attachment": Case(
        "alice",
        lambda cast: {"publication": publication(cast.own, cast.alice)},
        lambda c: reverse("content:attachment_add", args=[c["publication"].pk]),
        lambda c: {"kind": "photo"},
        lambda: Attachment.objects.count(),
        files=lambda: {"file": SimpleUploadedFile("a.png", PNG, content_type="image/png")},
        page=lambda c: reverse("content:publication_detail", args=[c["publication"].pk]),
    ),
    "moderation action": Case(
        "alice",
        _with_account,
        lambda c: reverse("content:moderation"),
        lambda c: {
            "account": c["account"].pk,
            "action": "comment_deleted",
            "ground": "spam",
            "occurred_on": timezone.localdate().isoformat(),
        },
        lambda: ModerationAction.objects.count(),
    ),
    "crisis": Case(
        "paula",
        lambda cast: {"cast": cast},
        lambda c: reverse("content:crisis_declare"),
        lambda c: {
            "title": "Дау",
            "agreed_position": "Тек расталған деректер.",
            "working_group": [c["cast"].lara.pk],
        },
        lambda: Crisis.objects.count(),
    ),
    "violation": Case(
        "charlie",
        lambda cast: {"cast": cast},
        lambda c: reverse("registry:violation_create"),
        lambda c: {
            "rule": "R9.3",
            "organization": c["cast"].own.pk,
            "responsible_name": "Асқар Серікұлы",
            "occurred_on": "2026-11-20",
            "description": "Құпиясөз уақытында ауыстырылмады.",
        },
        lambda: Violation.objects.count(),
    ),
    "account": Case(
        "alice",
        lambda cast: {"cast": cast},
        lambda c: reverse("registry:create"),
        lambda c: {
            "organization": c["cast"].own.pk,
            "network": "telegram_channel",
            "display_name": "Арна",
            "url": "https://t.me/new_channel_x",
            "languages": "both",
            "password_set_on": timezone.localdate().isoformat(),
        },
        lambda: OfficialAccount.objects.count(),
    ),
    "password change record": Case(
        "alice",
        _with_account,
        lambda c: reverse("registry:rotation_add", args=[c["account"].pk]),
        lambda c: {"rotated_on": timezone.localdate().isoformat()},
        lambda: PasswordRotation.objects.count(),
    ),
    "report": Case(
        "alice",
        lambda cast: {"cast": cast},
        lambda c: reverse("reports:create"),
        lambda c: {
            "organization": c["cast"].own.pk,
            "period": "other",
            "starts_on": "2026-01-01",
            "ends_on": "2026-06-30",
        },
        lambda: Report.objects.count(),
    ),
    # Metrics replace what the same period had, so the second import shows in the audit trail:
    # one import recorded, not two.
    "metrics import": Case(
        "alice",
        lambda cast: {"cast": _metrics_ctx(cast) or cast},
        lambda c: reverse("reports:metrics"),
        lambda c: {
            "organization": c["cast"].own.pk,
            "kind": "subscribers",
            "period": "h1",
            "year": "2026",
        },
        lambda: AuditEntry.objects.count(),
        files=lambda: {
            "file": SimpleUploadedFile(
                "m.csv",
                csv_bytes(
                    ("account", "date", "subscribers"),
                    ("https://t.me/bizdin_arna", "2026-06-30", 7),
                ),
                content_type="text/csv",
            )
        },
    ),
    "organization": Case(
        "root",
        lambda cast: {"cast": cast},
        lambda c: reverse("accounts:organization_create"),
        lambda c: {
            "parent": c["cast"].own.pk,
            "name_kk": "Жаңа бастауыш ұйым",
            "name_ru": "Новая первичная организация",
            "kind": "primary",
            "bin": "",
            "is_active": "on",
        },
        lambda: Organization.objects.count(),
    ),
    "user": Case(
        "root",
        lambda cast: {},
        lambda c: reverse("accounts:user_create"),
        lambda c: {
            "username": "new_staff",
            "last_name": "Сәрсенова",
            "first_name": "Айгүл",
            "patronymic": "",
            "email": "aigul@example.kz",
            "language": "kk",
            "password1": "Qw3rty-long-pass-2026",
            "password2": "Qw3rty-long-pass-2026",
        },
        lambda: User.objects.count(),
    ),
    "metrics entry": Case(
        "alice",
        lambda cast: {"cast": _metrics_ctx(cast) or cast},
        lambda c: reverse("reports:metrics"),
        lambda c: {
            "entry-organization": c["cast"].own.pk,
            "entry-kind": "subscribers",
            "entry-period": "h2",
            "entry-year": "2026",
            "entry-account": "https://t.me/bizdin_arna",
            "entry-date": "2026-09-30",
            "entry-subscribers": "1520",
        },
        lambda: AuditEntry.objects.count(),
    ),
}


def _in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def _post(client, case, ctx, token):
    data = {**case.data(ctx), **case.files()}
    if token is not None:
        data[once.FIELD] = token
    return client.post(case.url(ctx), data)


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CASES))
def test_the_same_submission_twice_creates_one_object_and_shows_it(client, cast, name):
    case = CASES[name]
    ctx = case.setup(cast)
    client.force_login(getattr(cast, case.user))
    page = client.get((case.page or case.url)(ctx))
    assert page.status_code == 200
    assert f'name="{once.FIELD}"' in page.content.decode(), "the form carries no token"
    before = case.count()
    token = once.new_token()
    first = _post(client, case, ctx, token)
    assert first.status_code == 302, first.context and first.context.get("form").errors
    created = case.count()
    assert created > before
    second = _post(client, case, ctx, token)
    assert case.count() == created
    assert second.status_code == 302 and second["Location"] == first["Location"]
    shown = client.get(second["Location"])
    said = {str(m) for m in shown.context["messages"]}
    assert said & {MESSAGE, *(_in(lang, MESSAGE) for lang in ("kk", "ru"))}
    assert SubmissionToken.objects.get(token=token).result_url == first["Location"]


@pytest.mark.django_db
def test_a_post_without_a_token_still_creates_like_before(client, cast):
    client.force_login(cast.alice)
    for _ in range(2):
        assert client.post(reverse("appeals:create"), _appeal(cast)).status_code == 302
    assert Appeal.objects.count() == 2
    assert not SubmissionToken.objects.exists()


@pytest.mark.django_db
def test_a_refused_submission_gives_its_token_back(client, cast):
    client.force_login(cast.alice)
    token = once.new_token()
    refused = client.post(
        reverse("appeals:create"), {**_appeal(cast), "text": "", once.FIELD: token}
    )
    assert refused.status_code == 200 and not Appeal.objects.exists()
    assert not SubmissionToken.objects.filter(token=token).exists()
    # The report's period already taken: the service refuses, nothing is kept.
    Report.objects.all().delete()
    data = CASES["report"].data({"cast": cast})
    assert client.post(reverse("reports:create"), data).status_code == 302
    again = client.post(reverse("reports:create"), {**data, once.FIELD: token})
    assert again.status_code == 200 and Report.objects.count() == 1
    assert not SubmissionToken.objects.filter(token=token).exists()
    # Corrected and sent again with the same token, it creates.
    assert (
        client.post(reverse("appeals:create"), {**_appeal(cast), once.FIELD: token}).status_code
        == 302
    )
    assert Appeal.objects.count() == 1


@pytest.mark.django_db
def test_another_user_s_token_creates_nothing(client, cast):
    client.force_login(cast.alice)
    token = once.new_token()
    first = client.post(reverse("appeals:create"), {**_appeal(cast), once.FIELD: token})
    assert first.status_code == 302
    other = Client()
    other.force_login(cast.root if hasattr(cast, "root") else cast.charlie)
    response = other.post(reverse("appeals:create"), {**_appeal(cast), once.FIELD: token})
    assert response.status_code == 302 and response["Location"] == reverse("appeals:create")
    assert Appeal.objects.count() == 1


@pytest.mark.django_db
def test_expired_tokens_are_purged_and_the_task_is_scheduled(cast):
    from accounts.schedule import SCHEDULE

    old = SubmissionToken.objects.create(
        token="a" * 32, created_at=timezone.now() - timedelta(days=once.keep_days(), minutes=1)
    )
    fresh = SubmissionToken.objects.create(token="b" * 32)
    assert once.purge_submission_tokens() == 1
    assert list(SubmissionToken.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not SubmissionToken.objects.filter(pk=old.pk).exists()
    tasks = {entry["task"] for entry in SCHEDULE.values()}
    assert "accounts.once.purge_submission_tokens" in tasks


def _views(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry)
        elif isinstance(entry, URLPattern):
            yield entry.callback


def test_every_view_that_claims_a_token_answers_a_repeat():
    """A view calling once.submission without once.protect would answer a repeat with a 500."""
    claimers = []
    for view in _views():
        inner = inspect.unwrap(view)
        try:
            source = inspect.getsource(inner)
        except (OSError, TypeError):
            continue
        uses = "once.submission(" in source or "_account_form_view(" in source
        if uses and inner.__module__.split(".")[0] in {"appeals", "content", "registry", "reports"}:
            claimers.append(inner.__name__)
            assert getattr(view, "once_protected", False), f"{inner.__name__} lacks once.protect"
    assert len(claimers) >= 10


def _postgresql():
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "concurrent submissions are tested on PostgreSQL")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["appeal registration", "violation"])
def test_two_identical_submissions_at_once_create_one_object(cast, name):
    _postgresql()
    case = CASES[name]
    ctx = case.setup(cast)
    before = case.count()
    rounds = 3
    for done in range(1, rounds + 1):
        token = once.new_token()
        barrier = threading.Barrier(2)
        answers = []

        def send(token=token, barrier=barrier, answers=answers):
            try:
                client = Client()
                client.force_login(getattr(cast, case.user))
                barrier.wait()
                answers.append(_post(client, case, ctx, token))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=send) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert [a.status_code for a in answers] == [302, 302]
        assert answers[0]["Location"] == answers[1]["Location"]
        assert case.count() == before + done


@pytest.mark.django_db(transaction=True)
def test_the_unique_index_decides_while_the_first_submission_is_still_open(cast):
    """The first submission holds its token in an open transaction; the second waits on the
    unique index, and when the first commits it is sent to what the first created."""
    _postgresql()
    token = once.new_token()
    holder_ready = threading.Event()
    release = threading.Event()
    existing = reverse("appeals:list")

    def first():
        try:
            with transaction.atomic():
                SubmissionToken.objects.create(token=token, user=cast.alice)
                holder_ready.set()
                release.wait(30)
                SubmissionToken.objects.filter(token=token).update(result_url=existing)
        finally:
            connections.close_all()

    answers = []

    def second():
        try:
            client = Client()
            client.force_login(cast.alice)
            answers.append(
                client.post(reverse("appeals:create"), {**_appeal(cast), once.FIELD: token})
            )
        finally:
            connections.close_all()

    holder = threading.Thread(target=first)
    holder.start()
    assert holder_ready.wait(30)
    sender = threading.Thread(target=second)
    sender.start()
    # Wait until the second request is really blocked on the index (a lock wait in PostgreSQL).
    for _ in range(300):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                break
        time.sleep(0.05)
    else:
        pytest.fail("the second submission never waited on the token")
    release.set()
    holder.join(30)
    sender.join(30)
    assert answers and answers[0].status_code == 302 and answers[0]["Location"] == existing
    assert not Appeal.objects.exists()
