from django.urls import path  # noqa: F401 - the app's pages are added with its issue

app_name = "checklist"

urlpatterns: list = []
