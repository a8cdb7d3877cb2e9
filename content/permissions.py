"""The content app's actions (accounts.permissions decides)."""

from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, register

register("content.view", ANY_ROLE)
# Everyone who may see a publication or a plan may discuss it in its thread (issue 13).
register("content.comment", ANY_ROLE)
# Administrators prepare plans and publications of their own organization (R6.2) …
register("content.plan.edit", [Role.ADMINISTRATOR], Reach.OWN)
register("content.publication.edit", [Role.ADMINISTRATOR], Reach.OWN)
register("content.publication.publish", [Role.ADMINISTRATOR], Reach.OWN)
register("content.moderation.record", [Role.ADMINISTRATOR], Reach.OWN)
# … the head of the body approves them (R6.1, R6.2), sets the planning period and acknowledges
# urgent messages (R6.4).
register("content.plan.approve", [Role.CHAIRMAN], Reach.OWN)
register("content.planning.set", [Role.CHAIRMAN], Reach.OWN)
register("content.publication.approve", [Role.CHAIRMAN], Reach.OWN)
register("content.publication.acknowledge", [Role.CHAIRMAN], Reach.OWN)
register("content.publication.withdraw", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)
# A chairman declares and ends a crisis for the organization and its subtree (R10.1).
register("content.crisis.manage", [Role.CHAIRMAN], Reach.OWN)
# Only a member of the crisis's working group confirms a publication for it (R10.1, R10.2):
# no role grants it (accounts.workflow's `also`).
register("content.crisis.confirm", [])
