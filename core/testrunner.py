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
        # Flood limits count in the cache across tests (every test client is
        # 127.0.0.1); desk/tests/test_chat.py sets them where they are the subject.
        settings.CHAT_STARTS_PER_HOUR = settings.CHAT_MESSAGES_PER_MINUTE = 10_000
        # Tests run without collectstatic, so no manifest of hashed file names.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        # Playwright's sync API runs an event loop in the test thread; the ORM
        # calls made next to it from the same thread are safe.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    def teardown_databases(self, old_config, **kwargs):
        # WebSocket consumer tests touch the database from asgiref's worker
        # threads, whose connections outlive the tests; PostgreSQL refuses to
        # drop a database with open sessions, so end them first.
        from django.db import connections

        for alias in connections:
            connection = connections[alias]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                        [connection.settings_dict["NAME"]],
                    )
        super().teardown_databases(old_config, **kwargs)
