from django.contrib.auth import views as auth_views
from django.urls import path

from . import outbox_views, picking, views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("login/code/", views.login_code, name="login_code"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("account/", views.account, name="account"),
    path("account/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/codes/", views.two_factor_codes, name="two_factor_codes"),
    path(
        "account/two-factor/codes/new/",
        views.recovery_codes_regenerate,
        name="recovery_codes_regenerate",
    ),
    path("account/two-factor/off/", views.two_factor_disable, name="two_factor_disable"),
    path("account/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("language/", views.set_language, name="set_language"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/read-all/", views.notification_read_all, name="notification_read_all"),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/move/", views.organization_move, name="organization_move"),
    path("organizations/<int:pk>/roles/", views.membership_add, name="membership_add"),
    path("roles/<int:pk>/withdraw/", views.membership_remove, name="membership_remove"),
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/edit/", views.user_edit, name="user_edit"),
    path("audit/", views.audit_list, name="audit"),
    # Pickers at union scale (issue 14, accounts/picking.py)
    path("pick/organizations/", picking.pick_organization, name="pick_organization"),
    path("pick/users/", picking.pick_user, name="pick_user"),
    path("outbox/", outbox_views.outbox_list, name="outbox"),
    path("outbox/<int:pk>/retry/", outbox_views.outbox_retry, name="outbox_retry"),
    path("outbox/<int:pk>/discard/", outbox_views.outbox_discard, name="outbox_discard"),
]
