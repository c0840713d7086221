from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [path("", views.staff_catalogue, name="staff_catalogue")]
