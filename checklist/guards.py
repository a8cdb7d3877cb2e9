"""The checklist's guard on content's publication workflow, registered in ChecklistConfig.ready()
(content never imports the checklist; the publication transitions "submit" and
"publish_urgent" name "CL1")."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .selectors import permits_submission

NOT_PERMITTED = _(
    "Fill in the pre-publication checklist of the current version and sign its final decision "
    "“Posting of the publication is permitted” first: every material is checked before it goes "
    "to any platform, urgent ones too."
)


def cl1_permitted_checklist(actor: Any, publication: Any, data: dict[str, Any]) -> Any:
    """CL1: every material, of every content type, on every platform, passes the
    pre-publication checklist — the current version's checklist is completed with the final
    decision "posting permitted" (CL9) and no item answered "no"."""
    if permits_submission(publication.current_version):
        return None
    return NOT_PERMITTED
