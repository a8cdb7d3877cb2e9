from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Register of official accounts")

    def ready(self) -> None:
        from accounts import home, navigation

        from . import permissions, services, widgets, workflows  # noqa: F401 - registers

        navigation.register(
            navigation.NavItem(
                "registry", _("Register"), "registry:list", action="registry.account.view", order=10
            )
        )
        navigation.register(
            navigation.NavItem(
                "registry-hygiene",
                _("Registry hygiene"),
                "registry:hygiene",
                action="registry.hygiene.view",
                order=11,
                menu="more",
            )
        )
        navigation.register(
            navigation.NavItem(
                "registry-violations",
                _("Violations"),
                "registry:violations",
                action="registry.violation.view",
                order=12,
                menu="more",
            )
        )
        home.register(
            home.Widget(
                name="registry.attention",
                template="registry/widgets/attention.html",
                context=widgets.accounts_needing_attention,
                action="registry.account.view",
                order=20,
            )
        )
