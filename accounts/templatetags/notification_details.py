"""`{% load notification_details %}{% notification_details notification "html" %}`: what the app
that sent a notification adds to its e-mail (accounts.notifications.register_details), in the
language the e-mail is rendered in."""

from django import template
from django.utils.safestring import mark_safe

from .. import notifications

register = template.Library()


@register.simple_tag
def notification_details(notification, fmt: str = "html") -> str:
    # The provider renders its own template (autoescaped there), so its HTML is kept as is.
    return mark_safe(notifications.email_details(notification, fmt))  # noqa: S308
