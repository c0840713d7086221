from django.urls import path

from . import views

app_name = "guide"
urlpatterns = [
    path("", views.home, name="home"),
    path("procedures/", views.procedure_list, name="procedure_list"),
    path("procedures/<slug:slug>/", views.procedure_detail, name="procedure_detail"),
    path("which-procedure/", views.triage_start, name="triage"),
    path("which-procedure/details/", views.triage_details, name="triage_details"),
    path("which-procedure/result/", views.triage_result, name="triage_result"),
    path("eu-citizens/", views.eu_citizens, name="eu_citizens"),
]
