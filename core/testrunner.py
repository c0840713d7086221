import logging
import os

from django.conf import settings
from django.test.runner import DiscoverRunner


class Runner(DiscoverRunner):
    """Django's runner with a fast password hasher (Argon2 is slow on purpose)."""

    def setup_test_environment(self, **kwargs):
        super().setup_test_environment(**kwargs)
        # Expected 403/404s in view tests would print a traceback each.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        # Page caching would let one test see another's page; core/tests/test_cache.py
        # turns it on where it is the subject.
        settings.PAGE_CACHE_SECONDS = 0
        # Tests run without collectstatic, so no manifest of hashed file names.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        # Playwright's sync API runs an event loop in the test thread; the ORM
        # calls made next to it from the same thread are safe.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
