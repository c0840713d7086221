"""Whole-page caching for public pages that depend only on their URL.

Guide and questionnaire pages are the same for every anonymous reader of one
URL (the language is in the path, the answers in the query) on one date, so
they are rendered once and served from the cache (Redis when REDIS_URL is set,
shared by all app processes). Signed-in staff always get a fresh page.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from catalogue.registry import get_catalogue, today

log = logging.getLogger(__name__)


def cache_public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # The catalogue's identity and the date are in the key: a deploy with new
        # data files, or midnight (deadlines count days), starts a fresh entry.
        key = f"page:{get_catalogue().version}:{today().isoformat()}:{path}"
        # The cache only saves work: with Redis restarting or unreachable the
        # page is rendered as if it were not cached, never an error page.
        try:
            body = cache.get(key)
        except Exception as unavailable:
            log.warning("page cache unavailable (%s); serving uncached", type(unavailable).__name__)
            return view(request, *args, **kwargs)
        if body is not None:
            return HttpResponse(body)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            try:
                cache.set(key, response.content, seconds)
            except Exception as unavailable:
                log.warning("page cache unavailable (%s); page not stored", type(unavailable).__name__)
        return response

    return wrapped
