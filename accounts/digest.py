"""Noise (issue 13, point 9): what is e-mailed at once, what waits for the daily digest, and
what a person does not want by e-mail at all.

- **Kinds.** Every notification kind is registered here with a translated label and whether it
  *needs the recipient's own decision* (a publication to approve, an urgent post to acknowledge,
  a plan to approve, an appeal assigned to them …) or is *an event of the subtree* (a report
  submitted by a child organization, appeals overdue below, a violation recorded …). The table
  `KNOWN_KINDS` below registers the kinds of every app in one place; other code may add its own
  with `register_kind()`. A kind registered as a *family* ("appeals.reminder") also covers the
  kinds below it ("appeals.reminder.overdue"). An unknown kind is immediate and cannot be
  switched off: nothing is ever lost.
- **Routing** (`EmailPlan`, used by `accounts.notifications.notify()` and `notify_many()`): a
  chairman of the Central Committee or of a regional organization gets the in-app notification
  of a subtree event at once (the bell shows it), but no e-mail of its own: the row is marked
  `digest_pending`, and `send_daily_digests()` (beat, 10:30 Asia/Almaty) sends each such person
  ONE e-mail a day listing them, grouped by kind, in their language. Decision kinds are e-mailed
  at once, as before; so is everything for everybody else.
- **Opt-out.** Every person chooses e-mail on/off per kind on the notification settings page
  (`NotificationSettingsForm`); the in-app notification is always created. Kinds that carry a
  legal deadline are *mandatory* — the appeal deadline reminders and the notice of an extension
  (R8.2, the Law on appeals), the password rotation reminders (R9.3) — and cannot be switched off;
  the page shows them disabled with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import outbox
from .models import (
    Membership,
    Notification,
    NotificationDigest,
    NotificationPreference,
    OrganizationKind,
    Role,
    User,
)

DIGEST_EMAIL = "notification_digest"

# The chairmen whose subtree events come as a digest.
DIGEST_ORGANIZATION_KINDS = (OrganizationKind.CENTRAL_COMMITTEE, OrganizationKind.REGIONAL)

REASON_APPEALS = _("Appeal deadlines are set by law (R8.2): these e-mails cannot be switched off.")
REASON_PASSWORDS = _(
    "Passwords must be changed at least once a year (R9.3): these e-mails cannot be switched off."
)


@dataclass(frozen=True)
class KindInfo:
    key: str
    label: Any
    decision: bool = True  # needs the recipient's own decision: e-mailed at once
    mandatory: Any = ""  # why the e-mail cannot be switched off ("" = it can)
    family: bool = False  # also covers "<key>.<anything>"


_KINDS: dict[str, KindInfo] = {}


def register_kind(
    kind: str, label: Any, *, decision: bool = True, mandatory: Any = "", family: bool = False
) -> KindInfo:
    info = KindInfo(kind, label, decision, mandatory, family)
    _KINDS[kind] = info
    return info


def kind_info(kind: str) -> KindInfo | None:
    """The registration that covers `kind`: its own, or the nearest family above it."""
    info = _KINDS.get(kind)
    if info is not None:
        return info
    parts = kind.split(".")
    for end in range(len(parts) - 1, 0, -1):
        info = _KINDS.get(".".join(parts[:end]))
        if info is not None and info.family:
            return info
    return None


def known_kinds() -> list[KindInfo]:
    return sorted(_KINDS.values(), key=lambda i: i.key)


def optional_keys() -> set[str]:
    return {i.key for i in _KINDS.values() if not i.mandatory}


# The kinds of every app, in one place (editing every app's services for a label is more
# invasive than this table; an app may still call register_kind() for a new kind).
KNOWN_KINDS = (
    # content
    ("content.publication.submit", _("Publication awaiting your approval"), True),
    ("content.publication.approve", _("Your publication is approved"), True),
    ("content.publication.approve_head", _("Your publication is approved by the head"), True),
    ("content.publication.approve_crisis", _("Your publication is approved in a crisis"), True),
    ("content.publication.return", _("Your publication is returned for revision"), True),
    ("content.publication.prohibit", _("Your publication is prohibited"), True),
    ("content.publication.urgent", _("Urgent message to acknowledge"), True),
    ("content.publication.urgent_reminder", _("Reminder: urgent message not acknowledged"), True),
    ("content.crisis.declare", _("Crisis declared"), True),
    ("content.plan.submit", _("Content plan awaiting your approval"), True),
    ("content.plan.decided", _("Decision on your content plan"), True),
    ("content.mention", _("You are mentioned in a comment"), True),
    # checklist
    ("checklist.routed", _("Checklist question routed to you"), True),
    ("checklist.legal_answered", _("The lawyer answered your question"), True),
    ("checklist.reply", _("Reply in a checklist discussion"), True),
    # appeals
    ("appeals.assigned", _("Appeal assigned to you"), True),
    ("appeals.forwarded", _("Appeal forwarded to your organization"), True),
    ("appeals.digest", _("Overdue appeals in your organizations"), False),
    # registry
    ("registry.access_list.propose", _("Access list awaiting your approval"), True),
    ("registry.access_list.decided", _("Decision on the access list"), True),
    ("registry.logo.require_recheck", _("Emblem check required"), True),
    ("registry.appointment.record", _("Responsible person appointed"), False),
    ("registry.violation.record", _("Violation recorded"), False),
    ("registry.violation.measure", _("Measure taken on a violation"), False),
    # reports
    ("reports.report.submit", _("Report submitted by an organization below"), False),
    ("reports.report.decide", _("Decision on your report"), True),
)
for _key, _label, _decision in KNOWN_KINDS:
    register_kind(_key, _label, decision=_decision)
register_kind(
    "reports.reminder", _("Report reminders"), decision=True, family=True
)  # period_end, deadline
# Mandatory: a legal deadline rides on them.
register_kind(
    "appeals.reminder",
    _("Appeal deadline reminders"),
    decision=True,
    mandatory=REASON_APPEALS,
    family=True,
)  # before, due, overdue
register_kind(
    "appeals.extended",
    _("Appeal deadline extended: notify the applicant"),
    decision=True,
    mandatory=REASON_APPEALS,
)
register_kind(
    "registry.rotation",
    _("Password change reminders"),
    decision=True,
    mandatory=REASON_PASSWORDS,
    family=True,
)  # 30, 7, 1, 0, overdue


# --- routing ---------------------------------------------------------------------------------

MAIL, DIGEST, NONE = "mail", "digest", "none"


@dataclass
class EmailPlan:
    """For a set of recipients: who switched which kinds off, and who gets the digest."""

    muted: set[tuple[int, str]]
    digest_users: set[int]

    @classmethod
    def empty(cls) -> EmailPlan:
        return cls(set(), set())

    @classmethod
    def for_users(cls, user_ids: set[int], kinds: set[str]) -> EmailPlan:
        """One query, whatever the number of recipients and kinds."""
        if not user_ids:
            return cls.empty()
        chairmen = Membership.objects.filter(
            user_id__in=user_ids,
            role=Role.CHAIRMAN,
            organization__kind__in=DIGEST_ORGANIZATION_KINDS,
        ).values_list("user_id", Value("", output_field=CharField()))
        keys = {info.key for kind in kinds if (info := kind_info(kind)) and not info.mandatory}
        query = chairmen.order_by()
        if keys:
            muted = NotificationPreference.objects.filter(
                user_id__in=user_ids, kind__in=keys, email=False
            ).values_list("user_id", "kind")
            query = muted.order_by().union(query, all=True)
        plan = cls.empty()
        for user_id, key in query:
            if key:
                plan.muted.add((user_id, key))
            else:
                plan.digest_users.add(user_id)
        return plan

    def route(self, user_id: int, kind: str) -> str:
        info = kind_info(kind)
        if info is None:  # unknown: at once, never lost, never muted
            return MAIL
        if not info.mandatory and (user_id, info.key) in self.muted:
            return NONE
        if not info.decision and user_id in self.digest_users:
            return DIGEST
        return MAIL


# --- the daily digest ------------------------------------------------------------------------


def send_daily_digests(now: datetime | None = None) -> int:
    """Send each person whose notifications wait for the digest ONE e-mail (an outbox row) for
    today, listing them all, and mark them digested. Set-based: a constant number of queries
    whatever the number of people. Exactly once per person and day (`NotificationDigest`'s unique
    key, and the outbox's `digest:<user>:<day>`): what arrives after today's digest was sent
    waits for tomorrow's. Returns the number of digests queued."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    with transaction.atomic():
        pending = list(
            Notification.objects.filter(digest_pending=True, created_at__lte=now)
            .select_for_update(skip_locked=True)
            .order_by("recipient_id", "id")
            .values_list("pk", "recipient_id")
        )
        by_user: dict[int, list[int]] = defaultdict(list)
        for pk, user_id in pending:
            by_user[user_id].append(pk)
        if not by_user:
            return 0
        already = set(
            NotificationDigest.objects.filter(day=day, recipient_id__in=list(by_user)).values_list(
                "recipient_id", flat=True
            )
        )
        due = {user_id: pks for user_id, pks in by_user.items() if user_id not in already}
        if not due:
            return 0
        NotificationDigest.objects.bulk_create(
            [NotificationDigest(recipient_id=u, day=day, count=len(p)) for u, p in due.items()]
        )
        outbox.enqueue_many(
            DIGEST_EMAIL,
            [
                ({"user": u, "day": day.isoformat(), "notifications": p}, f"digest:{u}:{day}")
                for u, p in due.items()
            ],
        )
        Notification.objects.filter(pk__in=[pk for p in due.values() for pk in p]).update(
            digest_pending=False, digested_at=now
        )
    return len(due)


def digest_groups(notifications: list[Notification]) -> list[dict[str, Any]]:
    """The digest's sections: one per kind (its label in the active language), oldest first."""
    groups: dict[str, dict[str, Any]] = {}
    for notification in notifications:
        info = kind_info(notification.kind)
        key = info.key if info else notification.kind
        group = groups.setdefault(
            key, {"label": str(info.label) if info else notification.kind, "items": []}
        )
        group["items"].append(notification)
    return sorted(groups.values(), key=lambda g: g["label"])


@outbox.handler(DIGEST_EMAIL, _("Daily notification digest"))
def send_digest_email(payload: dict[str, Any]) -> None:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    user = User.objects.filter(pk=payload["user"], is_active=True).exclude(email="").first()
    if user is None:
        return
    notifications = list(
        Notification.objects.filter(recipient=user, pk__in=payload["notifications"]).order_by(
            "created_at", "id"
        )
    )
    if not notifications:
        return
    with translation.override(user.language):
        context = {
            "user": user,
            "groups": digest_groups(notifications),
            "count": len(notifications),
            "day": payload["day"],
            "site_url": settings.SITE_URL,
        }
        send_mail(
            subject=render_to_string("emails/digest_subject.txt", context).strip(),
            message=render_to_string("emails/digest.txt", context),
            html_message=render_to_string("emails/digest.html", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )


# --- the settings page -----------------------------------------------------------------------


class NotificationSettingsForm(forms.Form):
    """E-mail on/off per kind: `email` lists the optional kinds whose e-mail stays on; a kind not
    listed is switched off. Only known, optional kinds are accepted."""

    email = forms.MultipleChoiceField(
        label=_("E-mail me about"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        muted = set(
            NotificationPreference.objects.filter(user=user, email=False).values_list(
                "kind", flat=True
            )
        )
        self.rows = [
            {"info": info, "on": bool(info.mandatory) or info.key not in muted}
            for info in known_kinds()
        ]
        kwargs.setdefault(
            "initial",
            {"email": [r["info"].key for r in self.rows if r["on"] and not r["info"].mandatory]},
        )
        super().__init__(*args, **kwargs)
        self.fields["email"].choices = [
            (r["info"].key, r["info"].label) for r in self.rows if not r["info"].mandatory
        ]
        self.fields["email"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a kind of notification that can be switched off."
        )

    def save(self) -> None:
        keep = set(self.cleaned_data["email"])
        off = sorted(optional_keys() - keep)
        with transaction.atomic():
            NotificationPreference.objects.filter(user=self.user).delete()
            NotificationPreference.objects.bulk_create(
                [NotificationPreference(user=self.user, kind=key, email=False) for key in off]
            )
