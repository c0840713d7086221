"""Production settings plus one bare page, for bench/pages.sh only."""

from konsultant.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = BASE_DIR / "var" / "bench-static"  # noqa: F405
