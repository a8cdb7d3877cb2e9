"""The discussion thread of a publication or a plan (content/comments.py): a POST adds a
comment; a refused one is shown again with the error and the text kept, nothing saved."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import once, permissions

from .. import comments
from ..models import ContentPlan, Publication


def _comment(request, target):
    form = comments.DiscussionForm(request.POST, target=target)
    if form.is_valid():
        with once.submission(request) as slot:
            comments.add(request.user, target, form)
            messages.success(request, _("Comment added."))
            return slot.redirect(comments.url_of(target))
    return render(
        request,
        "content/comment_form.html",
        {
            "form": form,
            "target": target,
            "target_url": comments.url_of(target),
            "thread": comments.thread(target),
        },
        status=400,
    )


@login_required
@require_POST
@once.protect
def publication_comment(request, pk):
    publication = permissions.get_object_or_404_for(
        request.user, Publication.objects.select_related("organization"), "content.comment", pk=pk
    )
    return _comment(request, publication)


@login_required
@require_POST
@once.protect
def plan_comment(request, pk):
    plan = permissions.get_object_or_404_for(
        request.user, ContentPlan.objects.select_related("organization"), "content.comment", pk=pk
    )
    return _comment(request, plan)
