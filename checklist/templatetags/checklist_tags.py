"""`{% load checklist_tags %}{% checklist_card version user %}`: the checklist's card on the
publication page (content's publication detail includes it)."""

from django import template

from accounts import permissions

from .. import selectors
from ..forms import LEGAL, RouteForm
from ..models import Checklist
from ..workflows import checklist_workflow

register = template.Library()


@register.inclusion_tag("checklist/_card.html", takes_context=True)
def checklist_card(context, version, user) -> dict:
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
    # Journey 1 in fewer steps: where the legal items may be sent to the lawyer and none has
    # been yet, the card asks right here; the form posts to the checklist's own route step (the
    # workflow's guards decide) and lands on the checklist.
    ask_lawyer = None
    template_ = selectors.template_for(checklist)
    if (
        not frozen
        and template_ is not None
        and (checklist is None or not checklist.routes.exists())
    ):
        probe.template = template_
        route = next(
            (a for a in checklist_workflow.available_actions(user, probe) if a.name == "route"),
            None,
        )
        if route is not None and route.enabled:
            ask_lawyer = RouteForm(
                lawyers=selectors.lawyers_for(version.publication.organization),
                template=template_,
                initial={"scope": LEGAL},
            )
            ask_lawyer.fields["lawyer"].widget.attrs.update(
                {"id": "card_lawyer", "class": "form-select form-select-sm"}
            )
    return {
        "csrf_token": context.get("csrf_token"),
        "ask_lawyer": ask_lawyer,
        "version": version,
        "checklist": checklist,
        "progress": selectors.progress(checklist, selectors.template_for(checklist)),
        "can_fill": not frozen and permissions.can(user, "checklist.fill", probe),
        "routed_to_me": routed_to_me,
        "permits_submission": checklist is not None and selectors.permits_submission(version),
    }
