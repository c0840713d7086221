from django.urls import path

from . import reports, views

app_name = "desk"
urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("status/", views.set_status, name="status"),
    path("call/", views.log_call, name="log_call"),
    path("reports/", reports.report, name="reports"),
    path("reports.csv", reports.report_csv, name="reports_csv"),
    path("c/<uuid:public_id>/", views.conversation, name="conversation"),
    path("c/<uuid:public_id>/accept/", views.accept, name="accept"),
    path("c/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("c/<uuid:public_id>/close/", views.close, name="close"),
    path("c/<uuid:public_id>/hand-back/", views.hand_back, name="hand_back"),
    path("c/<uuid:public_id>/reassign/", views.reassign, name="reassign"),
]
