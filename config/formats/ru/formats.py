# Russian pages show dates and numbers exactly like the Kazakh ones (26.11.2026, 1 234 567,50),
# so a table reads the same in both languages; the rest comes from Django's "ru" formats.
from django.conf.locale.ru.formats import *  # noqa: F403

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
