from django.urls import path

from . import views

app_name = "inbox"

urlpatterns = [
    path("", views.message_list, name="list"),
    path("<int:pk>/", views.message_detail, name="detail"),
    path("<int:pk>/appeal/", views.message_convert, name="convert"),
    path("<int:pk>/<slug:step>/", views.message_step, name="step"),
    # Telegram's webhook: no session, CSRF-exempt, the secret header decides.
    path("telegram/<int:connection_id>/", views.telegram_webhook, name="telegram_webhook"),
]
