from django.contrib.admin.apps import AdminConfig


class KonsultantAdminConfig(AdminConfig):
    default_site = "konsultant.admin.KonsultantAdminSite"
