import time

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import audit, home, notifications, once, permissions, security, services, two_factor
from .forms import (
    LoginCodeForm,
    LoginForm,
    MembershipForm,
    OrganizationCreateForm,
    OrganizationForm,
    OrganizationMoveForm,
    PasswordConfirmForm,
    QueuedPasswordResetForm,
    TwoFactorConfirmForm,
    UserCreateForm,
    UserUpdateForm,
)
from .models import AuditEntry, Membership, Notification, Organization, User
from .paging import CappedPaginator

PAGE_SIZE = 50


# The password step of a login that still waits for the second factor: {"user", "backend",
# "since", "next"} in the (not yet authenticated) session.
PENDING_LOGIN_KEY = "two_factor_pending"


class LoginView(auth_views.LoginView):
    """The password (throttled by django-axes); then, for a person with a second factor, the
    code on the next page (login_code) before the session is signed in at all."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.has_device(user):
            self.request.session[PENDING_LOGIN_KEY] = {
                "user": user.pk,
                "backend": user.backend,
                "since": int(time.time()),
                "next": self.get_success_url(),
            }
            return redirect("accounts:login_code")
        response = super().form_valid(form)
        # Remember the language the person signed in with: e-mails are written in it.
        services.user_set_language(user=user, language=self.request.LANGUAGE_CODE)
        return response


def login_code(request: HttpRequest) -> HttpResponse:
    """The second step of a login: a code from the authenticator app or a recovery code. A
    wrong code counts towards the same lock as a wrong password."""
    pending = request.session.get(PENDING_LOGIN_KEY) or {}
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or time.time() - pending.get("since", 0) > settings.OTP_LOGIN_TIMEOUT:
        request.session.pop(PENDING_LOGIN_KEY, None)
        if request.method == "POST" or pending:
            messages.error(request, _("Sign in again: the code was not entered in time."))
        return redirect("accounts:login")
    if security.is_locked(request, user):
        return lockout(request)
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["otp_token"])
        if device is None:
            security.record_failure(request, user)
            form.add_error("otp_token", _("The code is not correct."))
        else:
            del request.session[PENDING_LOGIN_KEY]
            auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            services.user_set_language(user=user, language=request.LANGUAGE_CODE)
            if device.persistent_id.startswith("otp_static."):
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    _("You signed in with a recovery code. Recovery codes left: %(count)s.")
                    % {"count": left},
                )
            return HttpResponseRedirect(pending.get("next") or reverse("accounts:home"))
    return render(request, "accounts/login_code.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response

    def get_success_url(self):
        return reverse("accounts:home")


# Password reset by e-mail: Django's views with our templates. The "sent" page reads the same
# whether or not the address belongs to anyone, and the mail goes out from a Celery task.
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# The account's own security: second factor and sessions -------------------------------------


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "has_device": two_factor.has_device(user),
            "required": two_factor.is_required(user),
            "codes_left": two_factor.recovery_codes_left(user),
            "form": PasswordConfirmForm(request=request),
        },
    )


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrolment: scan the QR code (drawn here, as inline SVG), confirm with a code."""
    user = request.user
    if two_factor.has_device(user) and user.is_verified():
        return redirect("accounts:account")
    device = two_factor.enrolment_start(user=user)
    form = TwoFactorConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.enrolment_confirm(
            user=user, device=device, token=form.cleaned_data["otp_token"]
        )
        if codes is None:
            form.add_error("otp_token", _("The code is not correct."))
        else:
            django_otp.login(request, device)
            request.session[two_factor.CODES_SESSION_KEY] = codes
            messages.success(request, _("Two-step sign-in is on."))
            return redirect("accounts:two_factor_codes")
    context = {
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_base32(device),
        "required": two_factor.is_required(user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def two_factor_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once: they leave the session as this page is rendered."""
    codes = request.session.pop(two_factor.CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:account")
    return render(request, "accounts/two_factor_codes.html", {"codes": codes})


def _confirmed_by_password(request: HttpRequest) -> bool:
    form = PasswordConfirmForm(request.POST, request=request)
    if form.is_valid():
        return True
    if not getattr(request, "axes_locked_out", False):
        messages.error(request, _("The password is not correct."))
    return False


@login_required
@require_POST
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    if not two_factor.has_device(request.user):
        return redirect("accounts:account")
    if not _confirmed_by_password(request):
        return redirect("accounts:account")
    request.session[two_factor.CODES_SESSION_KEY] = two_factor.recovery_codes_regenerate(
        user=request.user
    )
    return redirect("accounts:two_factor_codes")


@login_required
@require_POST
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    if _confirmed_by_password(request):
        two_factor.disable(user=request.user)
        messages.success(request, _("Two-step sign-in is off."))
    return redirect("accounts:account")


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    """Every session of the person ends, this one included: the password is hashed again (same
    password, new salt), and Django refuses a session whose stored hash no longer matches."""
    if not _confirmed_by_password(request):
        return redirect("accounts:account")
    services.user_sign_out_everywhere(user=request.user, password=request.POST["password"])
    auth_logout(request)
    messages.success(request, _("You are signed out on every device."))
    return redirect("accounts:login")


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
    # Issue 13: a notification about something to decide shows it, with the decision's buttons
    # (the app that sent it renders the card: accounts.notifications.register_details).
    page.object_list = list(page.object_list)
    cards = notifications.cards_for(request, page.object_list)
    for notification in page.object_list:
        notification.card = cards.get(notification.pk, "")
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


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    """Issue 13, point 9: the person's own choice of e-mail per kind (accounts/digest.py); there
    is no way to address another person's settings."""
    from .digest import DIGEST_ORGANIZATION_KINDS, NotificationSettingsForm
    from .models import Role

    posted = request.method == "POST"
    form = NotificationSettingsForm(request.POST if posted else None, user=request.user)
    if posted and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("accounts:notification_settings")
    gets_digest = Membership.objects.filter(
        user=request.user, role=Role.CHAIRMAN, organization__kind__in=DIGEST_ORGANIZATION_KINDS
    ).exists()
    return render(
        request,
        "accounts/notification_settings.html",
        {"form": form, "gets_digest": gets_digest},
    )


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
    ancestors = permissions.visible_organizations(request.user).filter(
        path__in=organization.ancestor_paths()
    )
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
@once.protect
def organization_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.organization.manage")
    form = OrganizationCreateForm(
        request.POST or None, initial={"parent": request.GET.get("parent")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        parent = data.pop("parent")
        with once.submission(request) as slot:
            try:
                organization = services.organization_create(
                    actor=request.user, parent=parent, **data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The organization has been created."))
                return slot.redirect("accounts:organization_detail", pk=organization.pk)
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
@once.protect
def user_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.user.manage")
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in UserCreateForm.Meta.fields}
        with once.submission(request) as slot:
            try:
                services.user_create(
                    actor=request.user, password=form.cleaned_data["password1"], **data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The user has been created."))
                return slot.redirect("accounts:users")
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
    wanted = request.GET.get("organization", "")
    if wanted:
        # An organization outside the user's audit reach answers 404 like one that does not
        # exist, even when another of the user's roles lets them see it elsewhere.
        if not (wanted.isdecimal() and wanted.isascii() and len(wanted) < 19):
            raise Http404
        organization = get_object_or_404(
            permissions.visible_organizations(request.user, action="accounts.audit.view"),
            pk=int(wanted),
        )
        qs = qs.filter(organization__path__startswith=organization.path)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))  # issue 14
    for entry in page:
        entry.label = audit.label(entry.action)
    return render(request, "accounts/audit_list.html", {"page": page, "organization": organization})
