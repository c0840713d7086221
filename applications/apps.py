from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"

    def ready(self):
        # Validate the form definitions and rules at start-up, like the catalogue.
        from .definition import get_definitions

        get_definitions()
