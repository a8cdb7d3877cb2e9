"""The inbox's permission actions and audit actions (imported by InboxConfig.ready()).

Who (issue 15 point 5, R7, R8.1, R9.1): the organization's administrators and chairman read its
inbox; chairmen above read the inboxes of their subtree (oversight), with the authors masked.
Replies and moderation are the administrator's work on the organization's own accounts — the
same person the moderation log accepts (`content.moderation.record`, administrators, own
organization). Turning a message into an appeal is registering an appeal (R8.1): the
administrators and the chairman of the organization itself. Lawyers have no inbox: they come in
when an appeal is assigned to them (appeals).

Personal data (R9.1): the author's name and username are shown in full only to the organization's
own administrators and chairman (`view_personal_data`, own organization); each opening of a
message with them is logged (`inbox.message.view_personal_data`).
"""

from django.utils.translation import gettext_lazy as _

from accounts import audit
from accounts.models import Role
from accounts.permissions import Reach, register

register("inbox.view", [Role.ADMINISTRATOR, Role.CHAIRMAN])
register("inbox.message.view_personal_data", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)
register("inbox.message.reply", [Role.ADMINISTRATOR], Reach.OWN)
register("inbox.message.moderate", [Role.ADMINISTRATOR], Reach.OWN)
register("inbox.message.convert", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)

# The workflow's steps are audited as "inbox.message.<action>" (inbox.workflows).
audit.register("inbox.message.view_personal_data", _("Inbox message's personal data viewed"))
audit.register("inbox.message.depersonalize", _("Inbox message depersonalized"))
audit.register("inbox.webhook.set", _("Telegram webhook set for the inbox"))
