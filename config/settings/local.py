"""Development (`make run`): SQLite and the filesystem broker unless the environment says so."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)

# --- Authentication (docs/security.md) ----------------------------------------------------------
# The demo (make run) and the suite sign chairmen in with a password alone unless the
# environment turns the requirement on; tests that need it switch it on themselves.
OTP_REQUIRED_FOR_CHAIRMEN = env.bool("OTP_REQUIRED_FOR_CHAIRMEN", default=False)
DEMO_DATA_ALLOWED = True
