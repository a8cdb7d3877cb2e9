from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistConfig(AppConfig):
    name = "checklist"
    verbose_name = _("Pre-publication checklist")

    def ready(self) -> None:
        from accounts import home, navigation
        from content import workflows as content_workflows

        from . import guards, permissions, services, widgets, workflows  # noqa: F401 - registers

        # CL1 on content's publication workflow, and the copy of answers to a new version:
        # content calls both through its own hooks and never imports the checklist.
        content_workflows.publication_workflow.guard("CL1")(guards.cl1_permitted_checklist)
        content_workflows.on_new_version(services.on_new_version)

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
