"""`{% load checklist_tags %}{% checklist_card version user %}`: the checklist's card on the
publication page (content's publication detail includes it)."""

from django import template

from accounts import permissions

from .. import selectors
from ..models import Checklist

register = template.Library()


@register.inclusion_tag("checklist/_card.html")
def checklist_card(version, user) -> dict:
    if version is None:
        return {"version": None}
    checklist = selectors.checklist_of(version)
    probe = checklist or Checklist(version=version)
    frozen = (checklist is not None and checklist.is_completed) or version.is_frozen
    routed_to_me = (
        checklist is not None
        and not frozen
        and checklist.routes.filter(lawyer=user, answered_at__isnull=True).exists()
    )
    return {
        "version": version,
        "checklist": checklist,
        "progress": selectors.progress(checklist, selectors.template_for(checklist)),
        "can_fill": not frozen and permissions.can(user, "checklist.fill", probe),
        "routed_to_me": routed_to_me,
        "permits_submission": checklist is not None and selectors.permits_submission(version),
    }
