from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import audit, home, permissions, services
from .forms import (
    LoginForm,
    MembershipForm,
    OrganizationCreateForm,
    OrganizationForm,
    OrganizationMoveForm,
    UserCreateForm,
    UserUpdateForm,
)
from .models import AuditEntry, Membership, Notification, Organization, User

PAGE_SIZE = 50


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # Remember the language the person signed in with: e-mails are written in it.
        services.user_set_language(user=form.get_user(), language=self.request.LANGUAGE_CODE)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response

    def get_success_url(self):
        return reverse("accounts:home")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's switcher, plus: a signed-in person's choice is kept on their account."""
    language = request.POST.get("language", "")
    if check_for_language(language) and language in dict(settings.LANGUAGES):
        services.user_set_language(user=request.user, language=language)
    return django_set_language(request)


def lockout(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes calls this when a username/address pair is locked (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked.html", {"cooloff_minutes": minutes}, status=429)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    memberships = (
        Membership.objects.filter(user=request.user, organization__is_active=True)
        .select_related("organization")
        .order_by("organization__path", "role")
    )
    return render(
        request,
        "accounts/home.html",
        {"memberships": memberships, "widgets": home.widgets_for(request)},
    )


# Notifications --------------------------------------------------------------------------------


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(recipient=request.user).select_related("actor")
    if request.GET.get("unread"):
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=pk, read_at__isnull=True).update(read_at=timezone.now())
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect("accounts:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    n = Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if n:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("accounts:notifications")


# Organizations ------------------------------------------------------------------------------


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can(request.user, "accounts.organization.view"):
        raise PermissionDenied
    qs = permissions.visible_organizations(request.user).annotate(
        member_count=Count("memberships", distinct=True)
    )
    query = request.GET.get("q", "").strip()
    if query:
        qs = qs.filter(Q(name_kk__icontains=query) | Q(name_ru__icontains=query) | Q(bin=query))
    page = Paginator(qs.order_by("path"), PAGE_SIZE).get_page(request.GET.get("page"))
    min_depth = min((o.depth for o in page), default=1)
    for organization in page:
        organization.indent = organization.depth - min_depth
    return render(request, "accounts/organization_list.html", {"page": page, "query": query})


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "accounts.organization.view", field="", pk=pk
    )
    memberships = organization.memberships.select_related("user").order_by(
        "role", "user__last_name"
    )
    children = Organization.objects.get_children(organization)
    # The breadcrumb: ancestors the user may see, in one query (paths are prefixes).
    step, path = Organization.steplen, organization.path
    ancestor_paths = [path[:i] for i in range(step, len(path), step)]
    ancestors = permissions.visible_organizations(request.user).filter(path__in=ancestor_paths)
    context = {
        "organization": organization,
        "memberships": memberships,
        "children": children,
        "ancestors": ancestors,
        "can_change": permissions.can(request.user, "accounts.organization.change", organization),
        "can_manage": permissions.can(request.user, "accounts.membership.manage", organization),
        "can_audit": permissions.can(request.user, "accounts.audit.view", organization),
        "membership_form": MembershipForm() if request.user.is_superuser else None,
    }
    return render(request, "accounts/organization_detail.html", context)


@login_required
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "accounts.organization.change", field="", pk=pk
    )
    form = OrganizationForm(request.POST or None, instance=Organization.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The organization has been saved."))
            return redirect("accounts:organization_detail", pk=pk)
    return render(
        request, "accounts/organization_form.html", {"form": form, "organization": organization}
    )


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.organization.manage")
    form = OrganizationCreateForm(
        request.POST or None, initial={"parent": request.GET.get("parent")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        parent = data.pop("parent")
        try:
            organization = services.organization_create(actor=request.user, parent=parent, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The organization has been created."))
            return redirect("accounts:organization_detail", pk=organization.pk)
    return render(request, "accounts/organization_form.html", {"form": form})


@login_required
def organization_move(request: HttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "accounts.organization.manage", field="", pk=pk
    )
    form = OrganizationMoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_move(
                actor=request.user, organization=organization, parent=form.cleaned_data["parent"]
            )
        except ValidationError as error:
            form.add_error("parent", error)
        else:
            messages.success(request, _("The organization has been moved."))
            return redirect("accounts:organization_detail", pk=pk)
    return render(
        request,
        "accounts/organization_form.html",
        {"form": form, "organization": organization, "moving": True},
    )


@login_required
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "accounts.membership.manage", field="", pk=pk
    )
    form = MembershipForm(request.POST)
    if form.is_valid():
        try:
            services.membership_grant(
                actor=request.user,
                organization=organization,
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The role has been granted."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("accounts:organization_detail", pk=pk)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = permissions.get_object_or_404_for(
        request.user,
        Membership.objects.select_related("user", "organization"),
        "accounts.membership.manage",
        pk=pk,
    )
    services.membership_withdraw(actor=request.user, membership=membership)
    messages.success(request, _("The role has been withdrawn."))
    return redirect("accounts:organization_detail", pk=membership.organization_id)


# Users (superusers) ---------------------------------------------------------------------------


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.user.manage")
    qs = User.objects.annotate(role_count=Count("memberships")).order_by("last_name", "username")
    query = request.GET.get("q", "").strip()
    if query:
        qs = qs.filter(
            Q(username__icontains=query)
            | Q(last_name__icontains=query)
            | Q(first_name__icontains=query)
            | Q(email__icontains=query)
        )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "query": query})


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.user.manage")
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in UserCreateForm.Meta.fields}
        try:
            services.user_create(
                actor=request.user, password=form.cleaned_data["password1"], **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The user has been created."))
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(request.user, "accounts.user.manage")
    user = get_object_or_404(User, pk=pk)
    form = UserUpdateForm(request.POST or None, instance=User.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.user, user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The user has been saved."))
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "edited": user})


# Audit trail --------------------------------------------------------------------------------


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.audit.view")
    qs = permissions.visible(
        request.user, AuditEntry.objects.all(), action="accounts.audit.view"
    ).select_related("actor", "organization")
    organization = None
    if request.GET.get("organization"):
        try:
            org_pk = int(request.GET["organization"])
        except ValueError:
            org_pk = 0
        organization = permissions.get_object_or_404_for(
            request.user, Organization.objects.all(), "accounts.audit.view", field="", pk=org_pk
        )
        qs = qs.filter(organization__path__startswith=organization.path)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = audit.label(entry.action)
    return render(request, "accounts/audit_list.html", {"page": page, "organization": organization})
