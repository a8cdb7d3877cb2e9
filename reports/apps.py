from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Metrics and reports")

    def ready(self) -> None:
        from accounts import navigation

        from . import permissions, services  # noqa: F401 - registers actions and audit names

        check_settings()
        navigation.register(
            navigation.NavItem(
                "reports", _("Reports"), "reports:list", action="reports.report.view", order=500
            )
        )
        navigation.register(
            navigation.NavItem(
                "reports-metrics",
                _("Account metrics"),
                "reports:metrics",
                action="reports.metrics.view",
                order=501,
                menu="more",
            )
        )
        navigation.register(
            navigation.NavItem(
                "reports-dashboard",
                _("Compliance dashboard"),
                "reports:dashboard",
                action="reports.dashboard.view",
                order=502,
                menu="more",
            )
        )
        navigation.register(
            navigation.NavItem(
                "reports-rollup",
                _("Roll-up report"),
                "reports:rollup",
                action="reports.rollup.view",
                order=503,
                menu="more",
            )
        )


def check_settings() -> None:
    """Fail at start-up on a bad reports setting instead of misbehaving later."""
    from django.conf import settings

    if not 1 <= settings.REPORTS_DEADLINE_WORKING_DAYS <= 60:
        raise ImproperlyConfigured("REPORTS_DEADLINE_WORKING_DAYS must be between 1 and 60")
    if not 0 <= settings.REPORTS_DEADLINE_WARNING_WORKING_DAYS <= 20:
        raise ImproperlyConfigured("REPORTS_DEADLINE_WARNING_WORKING_DAYS must be 0 to 20")
    if not 10 <= settings.REPORTS_DASHBOARD_PAGE_SIZE <= 500:
        raise ImproperlyConfigured("REPORTS_DASHBOARD_PAGE_SIZE must be between 10 and 500")
