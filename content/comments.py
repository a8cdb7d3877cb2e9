"""Threads on drafts and plans (issue 13, point 4): a comment is seen by everyone who may see
the publication or the plan, names people with @username (each one notified once, and only
people who may see the object can be named), and stays: comments are never edited or deleted,
each one is an audit entry of the object's history."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.models import Organization, User
from accounts.notifications import notify

from .models import Comment, ContentPlan, Publication

audit.register("content.comment.add", _("Comment added"))

MAX_MENTIONS = 10
THREAD_LIMIT = 200  # a thread longer than this shows its latest comments
# @username: Django's username characters; an e-mail address ("a@b.kz") is not a mention.
MENTION = re.compile(r"(?<![\w.@+-])@([\w.+-]+[\w+-]|[\w+-])")


def mentions_in(text: str) -> list[str]:
    """The usernames named in `text`, in order, without repeats."""
    first: dict[str, str] = {}
    for name in MENTION.findall(text):
        first.setdefault(name.lower(), name)
    return list(first.values())


def audience(organization: Organization) -> QuerySet[User]:
    """Active people who may see an object of `organization`: every role held in it or above
    it reaches it ("content.view" is any role, over the subtree)."""
    return User.objects.filter(
        is_active=True,
        memberships__organization__path__in=organization.ancestor_paths(include_self=True),
    ).distinct()


class DiscussionForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Name a colleague with @ and their username: they are notified."),
    )

    def __init__(self, *args, target: Publication | ContentPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.mentioned: list[User] = []

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write the comment."), code="empty")
        names = mentions_in(text)
        if len(names) > MAX_MENTIONS:
            raise ValidationError(
                _("Name at most %(limit)s people in one comment."),
                code="too_many_mentions",
                params={"limit": MAX_MENTIONS},
            )
        if names:
            found = {
                u.username.lower(): u
                for u in audience(self.target.organization).filter(
                    username__iregex=r"^(" + "|".join(re.escape(n) for n in names) + r")$"
                )
            }
            unknown = [n for n in names if n.lower() not in found]
            if unknown:
                raise ValidationError(
                    _("These people cannot see this page, so they cannot be named: %(names)s."),
                    code="unknown_mention",
                    params={"names": ", ".join("@" + n for n in unknown)},
                )
            self.mentioned = [found[n.lower()] for n in names]
        return text


def url_of(target: Publication | ContentPlan) -> str:
    name = (
        "content:publication_detail" if isinstance(target, Publication) else "content:plan_detail"
    )
    return reverse(name, args=[target.pk]) + "#comments"


def add(actor: User, target: Publication | ContentPlan, form: DiscussionForm) -> Comment:
    """Keep the comment, record it in the object's history and notify the people named; all
    or nothing."""
    permissions.require(actor, "content.comment", target)
    field = "publication" if isinstance(target, Publication) else "plan"
    with transaction.atomic():
        comment = Comment.objects.create(
            **{field: target}, author=actor, text=form.cleaned_data["text"]
        )
        comment.mentioned.set(form.mentioned)
        audit.record("content.comment.add", actor=actor, obj=target, comment=comment.text[:500])
        if form.mentioned:
            notify(
                form.mentioned,
                kind="content.mention",
                title=_("%(author)s mentioned you in the discussion of «%(title)s»"),
                body=comment.text,
                params={"author": actor.get_full_name() or actor.username, "title": str(target)},
                url=url_of(target),
                actor=actor,
            )
    return comment


def thread(target: Publication | ContentPlan) -> list[Comment]:
    """The thread in order, its latest THREAD_LIMIT comments, in one query."""
    rows = list(
        target.comments.select_related("author").order_by("-created_at", "-id")[:THREAD_LIMIT]
    )
    rows.reverse()
    return rows
