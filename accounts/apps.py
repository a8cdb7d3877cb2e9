from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and organizations")

    def ready(self) -> None:
        from . import home, widgets

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
