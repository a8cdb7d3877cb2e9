"""The content app's writes, by subject: plans.py (R6.1), publications.py (R6, CL8.4 and the
publication workflow), crises.py (R10), moderation.py (R7). This module re-exports their entry
points for callers that say `content.services.X`; new code imports the subject module."""

from .crises import active_crisis_for, crisis_declare, crisis_end  # noqa: F401
from .moderation import moderation_record  # noqa: F401
from .plans import (  # noqa: F401
    period_bounds,
    plan_create,
    plan_decide,
    plan_item_delete,
    plan_item_save,
    plan_submit,
    planning_period_of,
    planning_set,
)
from .publications import (  # noqa: F401
    EDITABLE,
    PUBLICATION_FIELDS,
    VERSION_FIELDS,
    attachment_add,
    attachment_remove,
    editable_version,
    publication_acknowledge,
    publication_approve,
    publication_create,
    publication_crisis_confirm,
    publication_decline,
    publication_edit,
    publication_publish,
    publication_publish_urgent,
    publication_recall,
    publication_submit,
    publication_withdraw,
    statement_approval_record,
    version_freeze,
)
