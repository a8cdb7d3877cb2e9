from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/", views.report_edit, name="edit"),
    path("<int:pk>/pdf/<str:lang>/", views.report_pdf, name="pdf"),
    # Issue 14: PDFs built by a worker — the job's page, its status (polled), its file.
    path("pdf-jobs/<int:pk>/", views.pdf_job, name="pdf_job"),
    path("pdf-jobs/<int:pk>/status.json", views.pdf_job_status, name="pdf_job_status"),
    path("pdf-jobs/<int:pk>/download/", views.pdf_job_download, name="pdf_job_download"),
    # The page's buttons (refresh, submit, accept, return): report_workflow's steps.
    path("<int:pk>/<str:action>/", views.report_act, name="act"),
    path("metrics/", views.metrics_page, name="metrics"),
    path("metrics/template/<str:kind>.<str:fmt>", views.metrics_template, name="metrics_template"),
    path("rollup/", views.rollup, name="rollup"),
    path("rollup/export.<str:fmt>", views.rollup_export, name="rollup_export"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
