from django.core.cache import cache
from django.test import override_settings

from core.tests.base import CastTestCase


@override_settings(PAGE_CACHE_SECONDS=60, CATALOGUE_DATE="2026-12-01")
class PublicPageCacheTests(CastTestCase):
    def setUp(self):
        cache.clear()

    def test_anonymous_readers_get_the_cached_page(self):
        first = self.client.get("/en/procedures/trc-work/")
        with self.assertNumQueries(0):
            second = self.client.get("/en/procedures/trc-work/")
        self.assertEqual(first.content, second.content)

    def test_the_query_string_is_part_of_the_key(self):
        a = self.client.get("/en/which-procedure/result/?citizenship=UA&basis=visa_national&stay_end=2027-01-15&purpose=work&detail=employee")
        b = self.client.get("/en/which-procedure/result/?citizenship=UA&basis=visa_national&stay_end=2027-02-15&purpose=work&detail=employee")
        self.assertNotEqual(a.content, b.content)

    def test_the_date_is_part_of_the_key(self):
        with override_settings(CATALOGUE_DATE="2026-01-15"):
            paper = self.client.get("/en/procedures/trc-work/")
        mos = self.client.get("/en/procedures/trc-work/")
        self.assertContains(paper, "On paper, at the voivodeship office")
        self.assertContains(mos, "Electronically in MOS")

    def test_staff_always_get_a_fresh_page(self):
        self.client.get("/en/procedures/trc-work/")
        self.client.force_login(self.consultant)
        self.assertContains(self.client.get("/en/procedures/trc-work/"), 'href="/en/staff/"')


@override_settings(
    PAGE_CACHE_SECONDS=60,
    # Nothing listens on port 1: the cache's Redis is down.
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}},
)
class CacheOutageTests(CastTestCase):
    def test_a_page_is_served_uncached_while_redis_is_down(self):
        with self.assertLogs("core.cache", "WARNING") as logged:
            page = self.client.get("/en/procedures/trc-work/")
        self.assertEqual(page.status_code, 200)
        self.assertIn("page cache unavailable (ConnectionError)", logged.output[0])
