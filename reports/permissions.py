"""The reports' actions (accounts.permissions is the one module that decides)."""

from typing import Any

from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, can, register

# Everyone with a role reads the reports and metrics of their subtree.
register("reports.report.view", ANY_ROLE)
register("reports.metrics.view", ANY_ROLE)
# The organization's own administrators prepare its report and enter its accounts' metrics.
register("reports.report.prepare", [Role.ADMINISTRATOR], Reach.OWN)
register("reports.metrics.change", [Role.ADMINISTRATOR], Reach.OWN)
# Chairmen above accept or return a report (see can_decide: strictly above, never their own).
DECIDE = "reports.report.decide"
register(DECIDE, [Role.CHAIRMAN])
# Oversight: the roll-up of a subtree and the compliance dashboard.
register("reports.rollup.view", [Role.CHAIRMAN])
register("reports.dashboard.view", [Role.CHAIRMAN])


def can_decide(user: Any, report: Any) -> bool:
    """A chairman of an organization strictly above the report's (the parent or higher) accepts
    or returns it; the organization's own chairman does not judge its own report."""
    if not can(user, DECIDE, report):
        return False
    if user.is_superuser:
        return True
    from accounts.permissions import grants

    path = report.organization.path
    return any(
        g.role == Role.CHAIRMAN and path.startswith(g.path) and len(path) > len(g.path)
        for g in grants(user)
    )
