from django.urls import path

from . import chat_views

app_name = "chat"
urlpatterns = [
    path("", chat_views.start, name="start"),
    path("<uuid:public_id>/", chat_views.room, name="room"),
    path("<uuid:public_id>/send/", chat_views.send, name="send"),
    path("<uuid:public_id>/rate/", chat_views.rate, name="rate"),
]
