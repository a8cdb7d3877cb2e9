from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and organizations")

    def ready(self) -> None:
        from . import home, middleware, navigation, outbox, widgets  # noqa: F401

        # outbox: its permission; middleware: the session renewed at sign-in (a signal).

        for item in (
            navigation.NavItem("home", _("Home"), "accounts:home", order=0),
            navigation.NavItem(
                "organizations",
                _("Organizations"),
                "accounts:organizations",
                action="accounts.organization.view",
                order=800,
                menu="more",
            ),
            navigation.NavItem(
                "audit",
                _("Audit trail"),
                "accounts:audit",
                action="accounts.audit.view",
                order=850,
                menu="more",
            ),
            navigation.NavItem(
                "users",
                _("Users"),
                "accounts:users",
                action="accounts.user.manage",
                order=900,
                menu="more",
            ),
            navigation.NavItem(
                "outbox",
                _("Outgoing messages"),
                "accounts:outbox",
                action="accounts.outbox.manage",
                superuser_only=True,
                order=940,
                menu="more",
            ),
            navigation.NavItem(
                "admin",
                _("Administration"),
                "admin:index",
                superuser_only=True,
                order=950,
                menu="more",
            ),
        ):
            navigation.register(item)

        home.register(
            home.Widget(
                name="accounts.notifications",
                template="accounts/widgets/notifications.html",
                context=widgets.unread_notifications,
                order=900,
            )
        )
        home.register(
            home.Widget(
                name="accounts.activity",
                template="accounts/widgets/activity.html",
                context=widgets.recent_activity,
                action="accounts.audit.view",
                order=950,
            )
        )
        # The worker's task heartbeats (health.py) and the token purge task (once.py).
        from . import health, once  # noqa: F401
