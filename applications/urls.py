from django.urls import path

from . import views

app_name = "apply"
urlpatterns = [
    path("", views.start, name="start"),
    path("resume/", views.resume, name="resume"),
    path("import/", views.import_file, name="import"),
    path("<uuid:token>/", views.resume_draft, name="resume_draft"),
    path("<uuid:token>/created/", views.created, name="created"),
    path("<uuid:token>/saved/", views.saved, name="saved"),
    path("<uuid:token>/check/", views.check, name="check"),
    path("<uuid:token>/report/", views.report, name="report"),
    path("<uuid:token>/pack/", views.pack, name="pack"),
    path("<uuid:token>/pack.pdf", views.pack_pdf, name="pack_pdf"),
    path("<uuid:token>/paper.pdf", views.paper_pdf, name="paper_pdf"),
    path("<uuid:token>/export.json", views.export_json, name="export"),
    path("<uuid:token>/<slug:page>/", views.page, name="page"),
    path("<uuid:token>/<slug:page>/<int:index>/remove/", views.remove_item, name="remove_item"),
]
