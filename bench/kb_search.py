"""Knowledge-base search: quality on the evaluation set and speed at scale.

Run: DEBUG=true .venv/bin/python bench/kb_search.py [variants=20000]

1. Quality: the seed answers (kb/data/answers) are indexed and every question in
   kb/eval/questions.toml is searched in its language; recall@3 and MRR.
2. Speed: the seed variants are scaled up synthetically to N variants (new
   answers made by recombining sentences and words of the real ones) and the
   evaluation queries are timed against that index; index build time too.
"""

import os
import random
import statistics
import sys
import time
import tomllib
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "konsultant.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from kb.content import load_all  # noqa: E402
from kb.search import Index  # noqa: E402

LANGS = ("pl", "en", "ru", "uk")


def seed_variants():
    variants = []
    for i, seed in enumerate(load_all()):
        answer = SimpleNamespace(slug=seed.slug, audience=seed.audience)
        for lang in LANGS:
            variants.append(SimpleNamespace(
                answer_id=i, answer=answer, language=lang, title=seed.title.get(lang),
                body=seed.body.get(lang), keywords=seed.keywords.get(lang) if seed.keywords else "",
            ))  # fmt: skip
    return variants


def questions():
    return tomllib.loads((ROOT / "kb" / "eval" / "questions.toml").read_text())["q"]


def quality(index: Index, qs) -> dict:
    found3, rr, per_lang, misses = 0, 0.0, {}, []
    for q in qs:
        slugs = [h.slug for h in index.search(q["text"], q["lang"], include_internal=True, limit=10)]
        rank = next((i + 1 for i, s in enumerate(slugs) if s in q["expected"]), None)
        hit3 = rank is not None and rank <= 3
        found3 += hit3
        rr += 1 / rank if rank else 0
        stats = per_lang.setdefault(q["lang"], [0, 0])
        stats[0] += hit3
        stats[1] += 1
        if not hit3:
            misses.append((q["lang"], q["text"], q["expected"], slugs[:3]))
    n = len(qs)
    return {"n": n, "recall3": found3 / n, "mrr": rr / n, "per_lang": per_lang, "misses": misses}


def scaled(variants, target: int, rng: random.Random):
    by_lang = {lang: [v for v in variants if v.language == lang] for lang in LANGS}
    out = list(variants)
    answer_id = max(v.answer_id for v in variants) + 1
    while len(out) < target:
        answer = SimpleNamespace(slug=f"synthetic-{answer_id}", audience="public")
        for lang in LANGS:
            a, b = rng.sample(by_lang[lang], 2)
            sentences = (a.body + " " + b.body).split(". ")
            rng.shuffle(sentences)
            words = a.title.split() + b.title.split()
            rng.shuffle(words)
            out.append(SimpleNamespace(answer_id=answer_id, answer=answer, language=lang, title=" ".join(words[:8]),
                                       body=". ".join(sentences[: max(3, len(sentences) // 2)]), keywords=""))
        answer_id += 1
    return out[:target]


def main(target: int):
    variants = seed_variants()
    qs = questions()
    index = Index.build(variants, version=1)
    q = quality(index, qs)
    print(f"evaluation: {q['n']} questions over {len(variants)} variants ({len(variants) // 4} answers)")
    print(f"  recall@3 = {q['recall3']:.3f}   MRR = {q['mrr']:.3f}")
    for lang, (hit, n) in sorted(q["per_lang"].items()):
        print(f"  {lang}: recall@3 {hit / n:.3f} ({hit}/{n})")
    for miss in q["misses"]:
        print("  miss:", miss)

    rng = random.Random(7)
    big = scaled(variants, target, rng)
    start = time.perf_counter()
    big_index = Index.build(big, version=2)
    first_build = time.perf_counter() - start
    # A running server has the lemmatiser's dictionaries loaded already; the first
    # build in a fresh process also pays for loading them.
    start = time.perf_counter()
    big_index = Index.build(big, version=3)
    build = time.perf_counter() - start
    times = []
    for _ in range(5):
        for question in qs:
            t = time.perf_counter()
            big_index.search(question["text"], question["lang"], include_internal=True, limit=10)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"scale: {len(big)} variants, {len(big_index.postings)} terms")
    print(f"  index build {build:.2f} s (first build in this process, with dictionary loading: {first_build:.2f} s)")
    print(f"  search over {len(times)} queries: p50 {statistics.median(times):.2f} ms, p99 {times[int(0.99 * len(times))]:.2f} ms, max {times[-1]:.2f} ms")
    q_big = quality(big_index, qs)
    print(f"  recall@3 at scale = {q_big['recall3']:.3f}   MRR = {q_big['mrr']:.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
