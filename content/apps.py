from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content plans and publications")

    def ready(self) -> None:
        from accounts import home, navigation

        from . import permissions, services, widgets  # noqa: F401 - registers actions
        from .views import approvals  # noqa: F401 - the approval cards and e-mails (issue 13)

        for item in (
            navigation.NavItem(
                "publications",
                _("Publications"),
                "content:publications",
                action="content.view",
                order=20,
                badge=widgets.waiting_count,
            ),
            navigation.NavItem(
                "plans",
                _("Content plans"),
                "content:plans",
                action="content.view",
                order=21,
                menu="more",
            ),
            navigation.NavItem(
                "calendar",
                _("Calendar"),
                "content:calendar",
                action="content.view",
                order=22,
                menu="more",
            ),
            navigation.NavItem(
                "crises",
                _("Crises"),
                "content:crises",
                action="content.view",
                order=30,
                menu="more",
            ),
            navigation.NavItem(
                "moderation",
                _("Moderation log"),
                "content:moderation",
                action="content.view",
                order=31,
                menu="more",
            ),
        ):
            navigation.register(item)
        home.register(
            home.Widget(
                name="content.administrator",
                template="content/widgets/administrator.html",
                context=widgets.administrator_home,
                action="content.publication.edit",
                order=10,
            )
        )
        home.register(
            home.Widget(
                name="content.chairman",
                template="content/widgets/chairman.html",
                context=widgets.chairman_home,
                action="content.publication.approve",
                order=5,
            )
        )
