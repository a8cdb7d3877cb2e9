"""The registry's actions (accounts.permissions is the one module that decides)."""

from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, register

# Everyone with a role reads the register of their subtree (lawyers and higher chairmen read).
register("registry.account.view", ANY_ROLE)
# The organization's own administrators register and keep their accounts (R4, R9.3).
register("registry.account.change", [Role.ADMINISTRATOR], Reach.OWN)
register("registry.rotation.record", [Role.ADMINISTRATOR], Reach.OWN)
register("registry.access_list.propose", [Role.ADMINISTRATOR], Reach.OWN)
# Only the chairman of the owning organization approves access lists (R9.2) and records
# administrator orders (R4.5); the chairman sets a shorter password interval (R9.3).
register("registry.access_list.approve", [Role.CHAIRMAN], Reach.OWN)
register("registry.appointment.record", [Role.CHAIRMAN], Reach.OWN)
register("registry.policy.change", [Role.CHAIRMAN], Reach.OWN)
# Chairmen oversee their subtree: hygiene, logo re-checks, breaches and measures (R11).
register("registry.hygiene.view", [Role.CHAIRMAN])
register("registry.logo.require_recheck", [Role.CHAIRMAN])
register("registry.violation.view", [Role.CHAIRMAN])
register("registry.violation.record", [Role.CHAIRMAN])
