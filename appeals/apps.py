from datetime import date

from django.apps import AppConfig
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from accounts import home, navigation

        # permissions registers the actions, workflows the table and its guards, services the
        # table's effects.
        from . import permissions, services, widgets, workflows  # noqa: F401

        checks.register(check_max_term)
        check_settings()
        navigation.register(
            navigation.NavItem(
                "appeals", _("Appeals"), "appeals:list", action="appeals.appeal.view", order=400
            )
        )
        navigation.register(
            navigation.NavItem(
                "working_calendar",
                _("Working calendar"),
                "appeals:calendar",
                superuser_only=True,
                order=940,
                menu="more",  # a settings page
            )
        )
        home.register(
            home.Widget(
                name="appeals.due_soon",
                template="appeals/widgets/due_soon.html",
                context=widgets.due_soon,
                action="appeals.widget.due_soon",
                order=300,
            )
        )
        home.register(
            home.Widget(
                name="appeals.overdue",
                template="appeals/widgets/overdue.html",
                context=widgets.overdue,
                action="appeals.widget.overdue",
                order=310,
            )
        )


def check_settings() -> None:
    """Fail at start-up on a bad appeals setting instead of misbehaving later."""
    from django.conf import settings

    def bad(name: str, why: str) -> None:
        raise ImproperlyConfigured(f"{name}: {why}")

    start, end = settings.APPEALS_REMINDER_HOUR, settings.APPEALS_WORKDAY_END_HOUR
    if not (6 <= start < end <= 22):
        bad("APPEALS_REMINDER_HOUR/APPEALS_WORKDAY_END_HOUR", "need 6 <= start < end <= 22")
    if settings.APPEALS_DEPERSONALIZE_AFTER_YEARS < 1:
        bad("APPEALS_DEPERSONALIZE_AFTER_YEARS", "must be at least 1")
    try:
        date.fromisoformat(str(settings.APPEALS_RECEIVED_NOT_BEFORE))
    except ValueError:
        bad("APPEALS_RECEIVED_NOT_BEFORE", "must be an ISO date (YYYY-MM-DD)")


# R8.2 and APPK art. 76: 15 working days, extended by the chairman at most to two months from
# registration in total. A longer setting would let extensions break the law.
MAX_TERM_MONTHS_ALLOWED = (1, 2)


def check_max_term(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A system check (runs at start-up of every management command and of the server)."""
    from django.conf import settings

    value = getattr(settings, "APPEALS_MAX_TERM_MONTHS", None)
    low, high = MAX_TERM_MONTHS_ALLOWED
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [
            checks.Error(
                f"APPEALS_MAX_TERM_MONTHS is {value!r}; it must be {low} or {high}.",
                hint=(
                    "The total term of an appeal, extensions included, may not exceed two "
                    "months from registration (R8.2, APPK art. 76). Set it in the environment."
                ),
                id="appeals.E001",
            )
        ]
    return []
