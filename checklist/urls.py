from django.urls import path

from . import views

app_name = "checklist"

# Keyed by the publication version: a checklist belongs to exactly one version (CL8.4).
urlpatterns = [
    path("waiting/", views.waiting, name="waiting"),
    path("versions/<int:pk>/", views.detail, name="detail"),
    path("versions/<int:pk>/answer/", views.answer, name="answer"),
    path("versions/<int:pk>/route/", views.route, name="route"),
    path("versions/<int:pk>/decide/", views.decide, name="decide"),
    path("versions/<int:pk>/pdf/<str:lang>/", views.pdf, name="pdf"),
    # Issue 12 point 5: archive / restore (accounts.archive), never delete.
    path("versions/<int:pk>/archiving/<str:action>/", views.act, name="act"),
]
