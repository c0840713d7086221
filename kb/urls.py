from django.urls import path

from . import views

app_name = "kb"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search_page, name="search"),
    path("<slug:slug>/", views.answer, name="answer"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
]
