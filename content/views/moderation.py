"""The moderation log (R7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import once, permissions
from accounts.web import apply_errors
from registry.models import OfficialAccount

from .. import moderation
from ..forms import ModerationForm
from ..models import ModerationAction
from .common import PAGE_SIZE


@login_required
@once.protect
def moderation_list(request):
    permissions.require(request.user, "content.view")
    actions = permissions.visible(
        request.user,
        ModerationAction.objects.all(),
        field="account__organization",
        action="content.view",
    ).select_related("account", "recorded_by")
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    accounts = permissions.visible(
        request.user, OfficialAccount.objects.active(), action="content.moderation.record"
    )
    form = ModerationForm(
        request.POST or None, accounts=accounts, initial={"occurred_on": timezone.localdate()}
    )
    if request.method == "POST":
        permissions.require(request.user, "content.moderation.record")
        if form.is_valid():
            data = dict(form.cleaned_data)
            account = data.pop("account")
            with once.submission(request) as slot:
                try:
                    moderation.moderation_record(actor=request.user, account=account, **data)
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    messages.success(request, _("The moderation action is recorded."))
                    return slot.redirect("content:moderation")
    return render(
        request,
        "content/moderation_list.html",
        {
            "page": page,
            "form": form,
            "can_record": permissions.can(request.user, "content.moderation.record"),
        },
    )
