"""Validation speed: one complete application with all rules, and bulk checking.

Run: DEBUG=true .venv/bin/python bench/validation.py [N]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "konsultant.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from applications.api import check_documents  # noqa: E402
from applications.definition import get_definitions  # noqa: E402
from applications.engine import check_application  # noqa: E402
from applications.outputs import export_data  # noqa: E402
from applications.tests.factory import TODAY, clean_work  # noqa: E402


def main(n: int):
    definition = get_definitions().at("trc", TODAY)
    clean = clean_work()
    faulty = {**clean, "surname": "КОВАЛЕНКО", "pesel": "90051412313", "authority": "10", "fee_paid": "no"}
    with translation.override("uk"):
        for name, answers in (("clean", clean), ("4 defects", faulty)):
            for _ in range(200):
                check_application(definition, answers, TODAY, "uk")
            times = []
            for _ in range(n):
                start = time.perf_counter()
                check_application(definition, answers, TODAY, "uk")
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            print(f"validate one application ({name}): median {statistics.median(times):.3f} ms, p95 {times[int(0.95 * n)]:.3f} ms (n={n})")
    documents = [export_data(definition, clean if i % 2 else faulty, "en") for i in range(n)]
    start = time.perf_counter()
    results = check_documents(documents, "en")
    elapsed = time.perf_counter() - start
    assert len(results) == n
    print(f"bulk check (import + validate, one process = one core): {n / elapsed:.0f} applications/s ({n} in {elapsed:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
