"""`{% load kasipodaq %}`: wording helpers every app's templates share.

- `{{ day|month_year }}` — "2026 жылғы қараша" / "ноябрь 2026 г." (accounts.formats.month_year);
- `{% for change in entry|readable_changes %}{{ change.field }}: {{ change.old }} →
  {{ change.new }}{% endfor %}` — an audit entry's changes in the user's language
  (accounts.audit.readable_changes).
"""

from django import template

from .. import audit, formats

register = template.Library()


@register.filter
def month_year(day) -> str:
    return formats.month_year(day)


@register.filter
def readable_changes(entry) -> list[audit.Change]:
    return audit.readable_changes(entry)
