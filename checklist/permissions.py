"""The checklist's actions (accounts.permissions is the one module that decides)."""

from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, register

# Everyone with a role reads the checklists of their subtree (a higher body's chairman reads).
register("checklist.view", ANY_ROLE)
# The organization's own administrators fill the checklist and route items to a lawyer.
register("checklist.fill", [Role.ADMINISTRATOR], Reach.OWN)
register("checklist.route", [Role.ADMINISTRATOR], Reach.OWN)
# CL9: the responsible person — the organization's administrator or chairman — signs the decision.
register("checklist.decide", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)
# A lawyer of the organization or of a higher one answers the items routed to them (the service
# also checks that the item is routed to this very lawyer).
register("checklist.legal_answer", [Role.LAWYER])
# Superusers only: new versions of the checklist's wording.
register("checklist.template.manage", [])
