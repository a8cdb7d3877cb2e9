from django.urls import path

from . import views

app_name = "checklist"

# Keyed by the publication version: a checklist belongs to exactly one version (CL8.4).
urlpatterns = [
    path("waiting/", views.waiting, name="waiting"),
    path("versions/<int:pk>/", views.detail, name="detail"),
    path("versions/<int:pk>/answer/", views.answer, name="answer"),
    path("versions/<int:pk>/route/", views.route, name="route"),
    # Issue 13 point 2: "the rest of this section: yes", and the legal review's thread.
    path("versions/<int:pk>/sections/<int:section_pk>/yes/", views.section_yes, name="section_yes"),
    path("versions/<int:pk>/rounds/<int:round_pk>/reply/", views.reply, name="reply"),
    path("versions/<int:pk>/decide/", views.decide, name="decide"),
    path("versions/<int:pk>/pdf/<str:lang>/", views.pdf, name="pdf"),
    # Issue 12 point 5: archive / restore (accounts.archive), never delete.
    path("versions/<int:pk>/archiving/<str:action>/", views.act, name="act"),
]
