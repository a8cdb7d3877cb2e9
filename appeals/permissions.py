"""The appeals app's permission actions and audit actions (imported by AppealsConfig.ready()).

Personal data (R9.1): the author's contacts are shown in full to anyone with a role in the
responsible organization (`view_personal_data`, own organization only) and to the chairmen above
it (`view_personal_data_above`). Confidential matters (R8.3): their content is shown only to the
assignee and the responsible organization's chairman (`view_confidential`).
"""

from django.utils.translation import gettext_lazy as _

from accounts import audit
from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, can, register

register("appeals.appeal.view", ANY_ROLE)
register("appeals.appeal.register", [Role.ADMINISTRATOR, Role.CHAIRMAN])
register("appeals.appeal.respond", ANY_ROLE)
register("appeals.appeal.assign", [Role.ADMINISTRATOR, Role.CHAIRMAN])
register("appeals.appeal.extend", [Role.CHAIRMAN])
register("appeals.appeal.view_personal_data", ANY_ROLE, Reach.OWN)
register("appeals.appeal.view_personal_data_above", [Role.CHAIRMAN])
register("appeals.appeal.view_confidential", [Role.CHAIRMAN], Reach.OWN)
# Home widgets: administrators see what falls due soon, chairmen what is overdue below them.
register("appeals.widget.due_soon", [Role.ADMINISTRATOR])
register("appeals.widget.overdue", [Role.CHAIRMAN])
# Superusers only: the working calendar's corrections.
register("appeals.calendar.manage", [])

audit.register("appeals.appeal.register", _("Appeal registered"))
audit.register("appeals.appeal.record_unregistered", _("Message recorded without registration"))
audit.register("appeals.appeal.assign", _("Appeal assignee changed"))
audit.register("appeals.appeal.first_response", _("First response given"))
audit.register("appeals.appeal.take", _("Appeal taken into work"))
audit.register("appeals.appeal.forward", _("Appeal forwarded"))
audit.register("appeals.appeal.official_response", _("Official response sent"))
audit.register("appeals.appeal.close", _("Appeal closed"))
audit.register("appeals.appeal.extend", _("Official response deadline extended"))
audit.register("appeals.appeal.extension_notice", _("Applicant told of the extension"))
audit.register("appeals.appeal.recompute", _("Appeal deadlines recomputed"))
audit.register("appeals.appeal.view_personal_data", _("Author's personal data viewed"))
audit.register("appeals.appeal.export_personal_data", _("Appeals exported with personal data"))
audit.register("appeals.appeal.depersonalize", _("Appeal depersonalized"))
audit.register("appeals.calendar.save", _("Working calendar corrected"))
audit.register("appeals.calendar.delete", _("Working calendar correction removed"))


def can_see_personal_data(user, appeal) -> bool:
    return can(user, "appeals.appeal.view_personal_data", appeal) or can(
        user, "appeals.appeal.view_personal_data_above", appeal
    )


def can_see_content(user, appeal) -> bool:
    """Everything but a confidential matter's content is visible to whoever sees the appeal."""
    if not appeal.is_confidential:
        return True
    if appeal.assignee_id is not None and appeal.assignee_id == user.pk:
        return True
    return can(user, "appeals.appeal.view_confidential", appeal)
