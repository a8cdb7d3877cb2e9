from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "channels"
    verbose_name = _("Connected networks")

    def ready(self) -> None:
        from content.publications import AUTO_PUBLISHED
        from content.workflows import publication_workflow

        from . import checks, delivery, guards, permissions, services  # noqa: F401 - registers

        # content never imports channels: the hooks and the Telegram limits guard are
        # registered here (accounts.workflow: `on`, `guard`).
        for action in ("submit", "publish_urgent", "approve"):
            publication_workflow.add_guard(action, "R6.2-telegram")
        publication_workflow.on("approve", delivery.on_approved)
        publication_workflow.on("publish_urgent", delivery.on_published_urgent)
        publication_workflow.on("withdraw", delivery.on_withdrawn)
        AUTO_PUBLISHED.append(delivery.connected_account_ids)
