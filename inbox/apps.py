from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Inbox")

    def ready(self) -> None:
        from accounts import navigation
        from appeals import services as appeals_services

        # permissions registers the actions, services the workflow's effects.
        from . import permissions, services  # noqa: F401

        navigation.register(
            navigation.NavItem(
                "inbox",
                _("Inbox"),
                "inbox:list",
                action="inbox.view",
                order=390,
                badge=services.open_count,
            )
        )
        # R9.1: the nightly depersonalization of appeals also clears the inbox's old messages.
        if services.depersonalize not in appeals_services.DEPERSONALIZE_STEPS:
            appeals_services.DEPERSONALIZE_STEPS.append(services.depersonalize)
