"""Development (`make run`): SQLite and the filesystem broker unless the environment says so."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)

# --- Authentication (docs/security.md) ----------------------------------------------------------
# The demo (make run) and the suite sign chairmen in with a password alone unless the
# environment turns the requirement on; tests that need it switch it on themselves.
OTP_REQUIRED_FOR_CHAIRMEN = env.bool("OTP_REQUIRED_FOR_CHAIRMEN", default=False)
DEMO_DATA_ALLOWED = True

# --- Telegram (docs/telegram.md) -----------------------------------------------------------------
# `make run` starts the fake Bot API beside the app (scripts/run_dev.sh) and points at it; set
# TELEGRAM_API_BASE_URL=https://api.telegram.org to use a real bot.
TELEGRAM_SIMULATOR_ALLOWED = True
TELEGRAM_SIMULATOR_ADDR = env("TELEGRAM_SIMULATOR_ADDR", default="127.0.0.1:8081")
TELEGRAM_API_BASE_URL = env("TELEGRAM_API_BASE_URL", default=f"http://{TELEGRAM_SIMULATOR_ADDR}")
