from django.urls import path

from . import staff_views

app_name = "kb_staff"
urlpatterns = [
    path("", staff_views.answers, name="answers"),
    path("new/", staff_views.new, name="new"),
    path("gaps/", staff_views.gaps, name="gaps"),
    path("<slug:slug>/", staff_views.edit, name="edit"),
    path("<slug:slug>/status/", staff_views.change_status, name="status"),
    path("<slug:slug>/<str:lang>/", staff_views.edit_variant, name="variant"),
]
