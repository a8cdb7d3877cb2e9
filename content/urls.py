from django.urls import path

from . import views
from .views import approvals, comments

app_name = "content"

urlpatterns = [
    path("publications/", views.publication_list, name="publications"),
    path("publications/new/", views.publication_create, name="publication_create"),
    path("publications/<int:pk>/", views.publication_detail, name="publication_detail"),
    path("publications/<int:pk>/edit/", views.publication_edit, name="publication_edit"),
    # Every step of the publication workflow; the names below keep the pages' links readable.
    path(
        "publications/<int:pk>/do/<slug:action>/",
        views.publication_action,
        name="publication_action",
    ),
    path("publications/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("publications/<int:pk>/statement/", views.statement_approval, name="statement_approval"),
    path(
        "publications/<int:pk>/statement/document/",
        views.statement_document,
        name="statement_document",
    ),
    path("publications/<int:pk>/diff/", views.version_diff, name="version_diff"),
    path(
        "publications/<int:pk>/comments/", comments.publication_comment, name="publication_comment"
    ),
    path("plans/<int:pk>/comments/", comments.plan_comment, name="plan_comment"),
    # Issue 13: approve or return from the notification's card; the e-mail's signed link.
    path(
        "publications/<int:pk>/approval/<slug:action>/",
        approvals.approval_inline,
        name="approval_inline",
    ),
    path("approve/<str:token>/", approvals.approval_confirm, name="approval_confirm"),
    path("attachments/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"),
    path("attachments/<int:pk>/", views.attachment_file, name="attachment_file"),
    path(
        "attachments/<int:pk>/thumb/",
        views.attachment_file,
        {"thumb": True},
        name="attachment_thumb",
    ),
    path("plans/", views.plan_list, name="plans"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/items/new/", views.plan_item_form, name="plan_item_add"),
    path("plans/<int:pk>/items/<int:item_pk>/", views.plan_item_form, name="plan_item_edit"),
    path(
        "plans/<int:pk>/items/<int:item_pk>/delete/",
        views.plan_item_delete,
        name="plan_item_delete",
    ),
    path("plans/<int:pk>/do/<slug:action>/", views.plan_action, name="plan_action"),
    path("planning/<int:org_pk>/", views.planning_setting, name="planning"),
    path("calendar/", views.calendar_view, name="calendar"),
    path(
        "calendar/items/<int:pk>/move/",
        views.calendar.calendar_move_item,
        name="calendar_move_item",
    ),
    path(
        "calendar/publications/<int:pk>/move/",
        views.calendar.calendar_move_publication,
        name="calendar_move_publication",
    ),
    path("crises/", views.crisis_list, name="crises"),
    path("crises/new/", views.crisis_declare, name="crisis_declare"),
    path("crises/<int:pk>/", views.crisis_detail, name="crisis_detail"),
    path("moderation/", views.moderation_list, name="moderation"),
]
