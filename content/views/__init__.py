"""Content pages, by subject like the services: publications, plans, calendar, crises,
moderation."""

from .calendar import calendar_view  # noqa: F401
from .crises import crisis_declare, crisis_detail, crisis_list  # noqa: F401
from .moderation import moderation_list  # noqa: F401
from .plans import (  # noqa: F401
    plan_action,
    plan_detail,
    plan_item_delete,
    plan_item_form,
    plan_list,
    planning_setting,
)
from .publications import (  # noqa: F401
    attachment_add,
    attachment_file,
    attachment_remove,
    publication_action,
    publication_create,
    publication_detail,
    publication_edit,
    publication_list,
    statement_approval,
    statement_document,
    version_diff,
)
