from django.urls import path

from . import staff_views

app_name = "apply_staff"
urlpatterns = [
    path("", staff_views.lookup, name="lookup"),
    path("quality/", staff_views.quality, name="quality"),
    path("quality.csv", staff_views.quality_csv, name="quality_csv"),
]
