from django.urls import path

from . import survey_views

app_name = "survey"
urlpatterns = [
    # The token is django.core.signing output (URL-safe base64 and ":"), never "/".
    path("<str:token>/", survey_views.rate, name="rate"),
]
