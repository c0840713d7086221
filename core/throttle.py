"""Limits on what anonymous visitors can create: a fixed-window counter in the
cache (Redis when REDIS_URL is set, so every app process shares it).

The counters are keyed by an HMAC of the identity (an address, a conversation),
so no address is stored in the cache in the clear. A cache that is down lets
everything through: the limits protect the consultants' queue from floods, and
an outage of the cache must not also stop the public from writing to the office.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

log = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The visitor's address. Behind PROXY_COUNT trusted reverse proxies it is the
    address the outermost of them saw, taken from X-Forwarded-For counting from
    the right (entries further left are whatever the client claimed)."""
    if settings.PROXY_COUNT:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= settings.PROXY_COUNT:
            return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, identity: str, limit: int, window_seconds: int) -> bool:
    """Count one event for identity in the current window; False once over limit."""
    digest = salted_hmac("core.throttle", f"{scope}:{identity}").hexdigest()[:32]
    key = f"throttle:{scope}:{digest}:{int(time.time() // window_seconds)}"
    try:
        cache.add(key, 0, window_seconds)
        return cache.incr(key) <= limit
    except Exception as unavailable:
        log.warning("throttle cache unavailable (%s); allowing", type(unavailable).__name__)
        return True
