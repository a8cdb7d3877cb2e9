"""Crisis pages (R10): the list, the declaration with its working group, and the crisis page
that everyone the crisis binds may read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts import once, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import User
from accounts.request_guard import parse_id
from accounts.web import apply_errors, error_text

from .. import crises
from ..crises import crises_visible_to
from ..forms import CrisisForm, CrisisOrganizationForm, ReasonForm
from .common import PAGE_SIZE


@login_required
def crisis_list(request):
    permissions.require(request.user, "content.view")
    crises = crises_visible_to(request.user).select_related("organization", "declared_by")
    page = Paginator(crises, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "content/crisis_list.html",
        {"page": page, "can_declare": permissions.can(request.user, "content.crisis.manage")},
    )


@login_required
@once.protect
def crisis_declare(request):
    permissions.require(request.user, "content.crisis.manage")
    declarable = crises.declarable_organizations(request.user).order_by("path")
    wanted = request.GET.get("organization", "")
    if wanted:
        if parse_id(wanted) is None:  # "²", or 5000 digits that int() refuses
            raise Http404
        organization = declarable.filter(pk=parse_id(wanted)).first()
        if organization is None:
            raise Http404
    else:
        organization = declarable.first()
    if organization is None:
        raise PermissionDenied
    # A chairman of several organizations chooses which one declares; a superuser may name any
    # (issue 14: a search field, not a select).
    several = declarable[:2].count() > 1
    users = (
        User.objects.filter(
            is_active=True, memberships__organization__path__startswith=organization.path
        )
        .distinct()
        .order_by("last_name")
    )
    form = CrisisForm(request.POST or None, users=users, organization=organization)
    if request.method == "POST" and form.is_valid():
        with once.submission(request) as slot:
            try:
                crisis = crises.crisis_declare(
                    actor=request.user,
                    organization=organization,
                    title=form.cleaned_data["title"],
                    agreed_position=form.cleaned_data["agreed_position"],
                    working_group=list(form.cleaned_data["working_group"]),
                )
            except ValidationError as error:
                apply_errors(form, error)
            except InvalidTransition as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(
                    request, _("The crisis is declared; the organizations are notified.")
                )
                return slot.redirect("content:crisis_detail", pk=crisis.pk)
    return render(
        request,
        "content/form.html",
        {
            "form": form,
            "title": _("Declare a crisis"),
            "subtitle": organization.name,
            "choose_organization": CrisisOrganizationForm(
                initial={"organization": organization},
                organizations=declarable,
                auto_id="id_choose_%s",
            )
            if several
            else None,
            "chosen": organization,
        },
    )


@login_required
def crisis_detail(request, pk):
    crisis = get_object_or_404(
        crises_visible_to(request.user).select_related("organization"), pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        permissions.require(request.user, "content.crisis.manage", crisis)
        if form.is_valid():
            try:
                crises.crisis_end(
                    actor=request.user, crisis=crisis, note=form.cleaned_data["reason"]
                )
            except InvalidTransition as error:
                messages.error(request, error_text(error))
            else:
                messages.success(request, _("The crisis is ended."))
            return redirect("content:crisis_detail", pk=pk)
    return render(
        request,
        "content/crisis_detail.html",
        {
            "crisis": crisis,
            "form": form,
            "members": crisis.working_group.all(),
            "publications": crisis.publications.active().select_related("current_version")[:50],
            "can_end": crisis.is_active
            and permissions.can(request.user, "content.crisis.manage", crisis),
        },
    )
