from django.urls import path

from accounts import picking

from . import views

app_name = "registry"

urlpatterns = [
    path("", views.account_list, name="list"),
    path("export.<str:fmt>", views.account_export, name="export"),
    path("new/", views.account_create, name="create"),
    path("hygiene/", views.hygiene, name="hygiene"),
    path("hygiene/pdf/", views.hygiene_pdf, name="hygiene_pdf"),  # issue 13 point 8
    path("pick/", picking.pick_account, name="pick_account"),  # issue 14, accounts/picking.py
    path("<int:pk>/", views.account_detail, name="detail"),
    path("<int:pk>/edit/", views.account_edit, name="edit"),
    # Issue 12 point 5: archive / restore (accounts.archive), never delete.
    path("<int:pk>/archiving/<str:action>/", views.account_act, name="act"),
    path("<int:pk>/status/", views.status_change, name="status"),
    path("<int:pk>/decisions/new/", views.decision_add, name="decision_add"),
    path("<int:pk>/logo-checks/new/", views.logo_check_add, name="logo_check_add"),
    path("<int:pk>/logo-checks/require/", views.logo_recheck, name="logo_recheck"),
    path("<int:pk>/administrators/new/", views.appointment_add, name="appointment_add"),
    path("administrators/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path("<int:pk>/access-list/", views.access_list_edit, name="access_list_edit"),
    path(
        "access-lists/<int:pk>/<str:decision>/", views.access_list_decide, name="access_list_decide"
    ),
    path("<int:pk>/rotations/new/", views.rotation_add, name="rotation_add"),
    path("policy/<int:org_pk>/", views.policy_edit, name="policy"),
    path("files/<str:kind>/<int:pk>/", views.document, name="document"),
    path("violations/", views.violation_list, name="violations"),
    path("violations/new/", views.violation_create, name="violation_create"),
    path("violations/<int:pk>/", views.violation_detail, name="violation_detail"),
]
