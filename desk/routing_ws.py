from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/chat/<uuid:public_id>/", consumers.VisitorConsumer.as_asgi()),
    path("ws/desk/<uuid:public_id>/", consumers.ConsultantConsumer.as_asgi()),
]
