"""The channels app's actions (accounts.permissions decides)."""

from accounts.models import Role
from accounts.permissions import ANY_ROLE, Reach, register

# Everyone who reads the register sees whether an account is connected, its deliveries and its
# subscriber chart.
register("channels.view", ANY_ROLE)
# R9.2: only the chairman of the owning organization connects, replaces the token of and
# disconnects an official account's bot (the bot joins the account's access list).
register("channels.connection.manage", [Role.CHAIRMAN], Reach.OWN)
# The organization's administrators and chairman resolve a delivery that needs checking and
# send a failed one again.
register("channels.delivery.resolve", [Role.ADMINISTRATOR, Role.CHAIRMAN], Reach.OWN)
