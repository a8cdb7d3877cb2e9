"""`{% once_token %}` inside a form that creates something (accounts/once.py)."""

from django import template
from django.utils.html import format_html

from accounts import once

register = template.Library()


@register.simple_tag
def once_token() -> str:
    """A hidden field with a fresh one-time token: the same submission sent twice creates once."""
    return format_html(
        '<input type="hidden" name="{}" value="{}" data-testid="once-token">',
        once.FIELD,
        once.new_token(),
    )
