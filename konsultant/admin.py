from django.contrib import admin
from django.urls import path


class KonsultantAdminSite(admin.AdminSite):
    """The admin, plus a read-only view of the procedure catalogue.

    The catalogue lives in versioned data files, not in the database, so it is
    shown here rather than edited: a change of the law is a new file in review.
    """

    site_header = "Konsultant"
    site_title = "Konsultant"

    def get_urls(self):
        from catalogue.admin_views import catalogue_overview

        extra = [path("catalogue/", self.admin_view(catalogue_overview), name="catalogue")]
        return extra + super().get_urls()
