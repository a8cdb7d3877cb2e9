from django.urls import path

from . import views

app_name = "channels"

urlpatterns = [
    path("accounts/<int:pk>/", views.account, name="account"),
    path("accounts/<int:pk>/connect/", views.connect, name="connect"),
    path("accounts/<int:pk>/token/", views.replace_token, name="token"),
    path("accounts/<int:pk>/disconnect/", views.disconnect, name="disconnect"),
    path("accounts/<int:pk>/measure/", views.measure, name="measure"),
    path("deliveries/<int:pk>/<str:action>/", views.delivery_act, name="delivery_act"),
]
