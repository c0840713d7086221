from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"

    def ready(self):
        # Load and validate every data file now, so a bad file stops start-up
        # with a message naming the file and key, instead of failing a request.
        from .registry import get_catalogue

        get_catalogue()
