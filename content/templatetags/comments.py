"""{% comment_thread object %}: the discussion thread of a publication or a plan with its form
(content/comments.py); one query for the thread whatever page includes it."""

import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from accounts import permissions
from content import comments
from content.models import Publication

register = template.Library()


@register.inclusion_tag("content/_comments.html", takes_context=True)
def comment_thread(context, target):
    request = context["request"]
    name = (
        "content:publication_comment" if isinstance(target, Publication) else "content:plan_comment"
    )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "thread": comments.thread(target),
        "form": comments.DiscussionForm(target=target),
        "action": reverse(name, args=[target.pk]),
        "can_comment": permissions.can(request.user, "content.comment", target),
    }


@register.filter
def with_mentions(text: str) -> str:
    """The comment's text, escaped, with each @username set off."""
    escaped = str(conditional_escape(text))
    return mark_safe(  # noqa: S308 - built from escaped text only
        re.sub(
            comments.MENTION.pattern,
            lambda m: f'<span class="mention">@{m.group(1)}</span>',
            escaped,
        )
    )
