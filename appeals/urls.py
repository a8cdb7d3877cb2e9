from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("", views.appeal_list, name="list"),
    path("export.csv", views.appeal_export, name="export"),
    path("new/", views.appeal_create, name="create"),
    path("<int:pk>/", views.appeal_detail, name="detail"),
    # Files only through these permission-checked views (accounts/files.py); before the step
    # route, whose slug would otherwise not match them anyway (three segments).
    path("<int:pk>/files/response/", views.response_document, name="response_document"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_file, name="attachment"),
    path("<int:pk>/<slug:step>/", views.appeal_step, name="step"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar/<int:pk>/delete/", views.calendar_delete, name="calendar_delete"),
]
