from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/", views.report_edit, name="edit"),
    path("<int:pk>/refresh/", views.report_refresh, name="refresh"),
    path("<int:pk>/submit/", views.report_submit, name="submit"),
    path("<int:pk>/<str:decision>/", views.report_decide, name="decide"),
    path("<int:pk>/pdf/<str:lang>/", views.report_pdf, name="pdf"),
    path("metrics/", views.metrics_page, name="metrics"),
    path("metrics/template/<str:kind>.<str:fmt>", views.metrics_template, name="metrics_template"),
    path("rollup/", views.rollup, name="rollup"),
    path("rollup/export.<str:fmt>", views.rollup_export, name="rollup_export"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
