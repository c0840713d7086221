from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from applications import api as applications_api
from core import views as core_views
from desk import api as desk_api
from kb import api as kb_api
from core.openapi import openapi

urlpatterns = [
    path("", core_views.root, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/openapi.json", openapi, name="openapi"),
    path("api/v1/applications/check", applications_api.check, name="api_applications_check"),
    path("api/v1/kb/search", kb_api.search, name="api_kb_search"),
    path("api/v1/cti/events", desk_api.cti_events, name="api_cti_events"),
    path("api/v1/kb/answers/<slug:slug>", kb_api.answer, name="api_kb_answer"),
]
urlpatterns += i18n_patterns(
    path("", include("guide.urls")),
    path("staff/", include("accounts.urls")),
    path("staff/catalogue/", include("catalogue.urls")),
    path("apply/", include("applications.urls")),
    path("staff/applications/", include("applications.staff_urls")),
    path("kb/", include("kb.urls")),
    path("staff/kb/", include("kb.staff_urls")),
    path("staff/desk/", include("desk.urls")),
    path("chat/", include("desk.chat_urls")),
    path("rate/", include("desk.survey_urls")),
    prefix_default_language=True,
)

handler404 = "core.views.not_found"
handler500 = "core.views.server_error"
