"""The appeals app's permission actions and audit actions (imported by AppealsConfig.ready()).

Handlers (R8.1, R8.2): the roles held on the appeal's own organization — administrator, lawyer,
chairman — answer, forward and close it (`is_handler`, the guard "R8.1-handler" of
appeals.workflows). `respond` reaches the subtree so that the page opens for roles above; the
guard then refuses them and the page offers them nothing.

Personal data (R9.1): the author's full contacts are shown only to the handlers who need them —
the responsible organization's administrators and chairman (`view_personal_data`, own
organization only) and the assignee; everyone else who sees the appeal, chairmen above included,
sees them masked. Confidential matters (R8.3): their content is shown only to the assignee and the
responsible organization's chairman (`view_confidential`).
"""

from django.utils.translation import gettext_lazy as _

from accounts import audit
from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, can, register, roles_on

register("appeals.appeal.view", ANY_ROLE)
register("appeals.appeal.register", [Role.ADMINISTRATOR, Role.CHAIRMAN])
register("appeals.appeal.respond", ANY_ROLE)
register("appeals.appeal.assign", [Role.ADMINISTRATOR, Role.CHAIRMAN])
register("appeals.appeal.extend", [Role.CHAIRMAN])
register("appeals.appeal.view_personal_data", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)
register("appeals.appeal.view_confidential", [Role.CHAIRMAN], Reach.OWN)
# Home widgets: administrators see what falls due soon, chairmen what is overdue below them.
register("appeals.widget.due_soon", [Role.ADMINISTRATOR])
register("appeals.widget.overdue", [Role.CHAIRMAN])
# Superusers only: the working calendar's corrections.
register("appeals.calendar.manage", [])

# The life-cycle steps' audit actions ("appeals.appeal.<action>") are registered by the workflow
# table (appeals.workflows).
audit.register("appeals.appeal.register", _("Appeal registered"))
audit.register("appeals.appeal.record_unregistered", _("Message recorded without registration"))
audit.register("appeals.appeal.recompute", _("Appeal deadlines recomputed"))
audit.register("appeals.appeal.view_personal_data", _("Author's personal data viewed"))
audit.register("appeals.appeal.export_personal_data", _("Appeals exported with personal data"))
audit.register("appeals.appeal.depersonalize", _("Appeal depersonalized"))
audit.register("appeals.calendar.save", _("Working calendar corrected"))
audit.register("appeals.calendar.delete", _("Working calendar correction removed"))


def is_handler(user, appeal) -> bool:
    """A role on the appeal's own organization (not above it): who answers and closes it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(roles_on(user, appeal.organization, Reach.OWN) & set(ANY_ROLE))


def can_see_personal_data(user, appeal) -> bool:
    """R9.1: the full contacts, for the responsible organization's administrators and chairman
    and for the assignee; masked for everyone else."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if appeal.assignee_id is not None and appeal.assignee_id == user.pk:
        return True
    return can(user, "appeals.appeal.view_personal_data", appeal)


def can_see_content(user, appeal) -> bool:
    """Everything but a confidential matter's content is visible to whoever sees the appeal."""
    if not appeal.is_confidential:
        return True
    if appeal.assignee_id is not None and appeal.assignee_id == user.pk:
        return True
    return can(user, "appeals.appeal.view_confidential", appeal)
