"""The knowledge base's seed content: kb/data/answers/<slug>.toml, one answer in
four languages per file, validated when loaded (load_kb command)."""

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from catalogue.schema import CatalogueError, Reader, Text

DATA_DIR = Path(__file__).resolve().parent / "data" / "answers"
TOPICS = ("procedures", "family", "permanent", "cards", "citizenship", "mos", "fees", "deadlines", "rights", "mistakes", "work")
AUDIENCES = ("public", "internal")


@dataclass(frozen=True)
class SeedAnswer:
    slug: str
    topic: str
    audience: str
    procedures: tuple[str, ...]
    legal_basis: tuple[str, ...]
    review_by: dt.date
    sources: tuple[str, ...]
    unconfirmed: bool
    keywords: Text | None
    title: Text
    body: Text


def load_answer(path: Path) -> SeedAnswer:
    with path.open("rb") as fh:
        try:
            r = Reader(path, tomllib.load(fh))
        except tomllib.TOMLDecodeError as error:
            raise CatalogueError(path, "(syntax)", str(error))
    review_by = r._get("review_by", True)
    if not isinstance(review_by, dt.date):
        r.fail("review_by", "must be a date, e.g. 2027-06-30 (no quotes)")
    answer = SeedAnswer(
        slug=path.stem,
        topic=r.choice("topic", TOPICS),
        audience=r.choice("audience", AUDIENCES),
        procedures=r.strings("procedures", required=False),
        legal_basis=r.strings("legal_basis"),
        review_by=review_by,
        sources=r.strings("sources"),
        unconfirmed=r.boolean("unconfirmed"),
        keywords=r.text("keywords", required=False),
        title=r.text("title"),
        body=r.text("body"),
    )
    r.done()
    return answer


def load_all(data_dir: Path = DATA_DIR) -> list[SeedAnswer]:
    return [load_answer(p) for p in sorted(data_dir.glob("*.toml"))]
