"""Development (`make run`): SQLite and the filesystem broker unless the environment says so."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
