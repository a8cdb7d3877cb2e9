from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistConfig(AppConfig):
    name = "checklist"
    verbose_name = _("Pre-publication checklist")

    def ready(self) -> None:
        from accounts import home, navigation

        from . import permissions, services, widgets  # noqa: F401 - registers actions

        navigation.register(
            navigation.NavItem(
                "checklist-waiting",
                _("Legal review"),
                "checklist:waiting",
                action="checklist.legal_answer",
                order=25,
            )
        )
        home.register(
            home.Widget(
                name="checklist.waiting",
                template="checklist/widgets/waiting.html",
                context=widgets.waiting_for_me,
                action="checklist.legal_answer",
                order=15,
            )
        )
