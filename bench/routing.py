"""Routing decision time: 20 consultants, 200 waiting conversations.

Run: DEBUG=true .venv/bin/python bench/routing.py
"""

import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.routing import Agent, Waiting, decide  # noqa: E402

LANGS = ("pl", "en", "ru", "uk")
LEVELS = ("native", "fluent", "basic")


def scenario(rng: random.Random, now: dt.datetime):
    agents = [
        Agent(i, {lang: rng.choice(LEVELS) for lang in rng.sample(LANGS, rng.randint(1, 3))},
              topics=set(rng.sample(["stay", "work", "citizenship", "employment"], 2)),
              status=rng.choice(["available", "available", "busy", "away"]), capacity=3,
              active=rng.randint(0, 2), idle_since=now - dt.timedelta(seconds=rng.randint(0, 3600)))
        for i in range(20)
    ]  # fmt: skip
    queue = [Waiting(1000 + i, rng.choice(LANGS), rng.choice(["stay", "work", "citizenship"]), now - dt.timedelta(seconds=i)) for i in range(200)]
    return agents, queue


def main(runs: int = 2000):
    rng = random.Random(1)
    now = dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)
    times = []
    for _ in range(runs):
        agents, queue = scenario(rng, now)
        start = time.perf_counter()
        decide(queue, agents, now)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"routing decision, 20 consultants, 200 waiting ({runs} runs): median {statistics.median(times):.3f} ms, p99 {times[int(0.99 * runs)]:.3f} ms, max {times[-1]:.3f} ms")


if __name__ == "__main__":
    main()
