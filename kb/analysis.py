"""Text analysis for the knowledge-base search, the same for documents and queries.

A word becomes index terms in four steps:
1. lemmatised with simplemma in the document's language (a query word is
   lemmatised in every language that uses its script, since a Russian speaker
   may type Polish words and the reverse);
2. transliterated from Cyrillic to Latin letters (Polish-style spelling, so
   "карта побыту" meets "karta pobytu");
3. folded: lower case, no diacritics (ł → l, ż → z), so "zl" finds "zł";
4. a short prefix stem is added (the first letters), which joins inflected forms
   the lemmatiser does not know and catches typos at the end of a word.
"""

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import simplemma

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[Ѐ-ӿ]")
STEM_LENGTH = 5
STOPWORDS = {
    "pl": "a aby ale albo and bez by być co czy dla do i ich im in jak jest jeśli już lub ma mam mi mnie może na nie o od po przez się są ta tak te to tu w we z za że",
    "en": "a an and are as at be by can do for from how i if in is it my of on or the to what when where which who with you your",
    "ru": "а в во вы да для до его если же за и из или к как ли мне мой на не о об от по при с со то у что это я",
    "uk": "а в до для з за и й із та чи як що це я ви на не від по при у або якщо мені мій",
}
STOP = {lang: set(words.split()) for lang, words in STOPWORDS.items()}
ALL_STOP = set().union(*STOP.values())

TRANSLIT = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je", "ж": "z",
    "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
    "щ": "szcz", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "'": "", "’": "",
}  # fmt: skip
# After transliteration, Latin spellings that sound alike are folded together
# ("w"/"v", "y"/"i": Ukrainian и is Polish y), so users' own transliterations match too.
FOLD = str.maketrans({"ł": "l", "v": "w", "x": "ks", "q": "k", "y": "i"})
LANGS_BY_SCRIPT = {"cyrillic": ("ru", "uk"), "latin": ("pl", "en")}


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    word = word.casefold()
    if CYRILLIC.search(word):
        word = "".join(TRANSLIT.get(ch, ch) for ch in word)
    word = word.translate(FOLD)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=lang)
    except ValueError:
        return word


@lru_cache(maxsize=200_000)
def word_terms(word: str, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The index terms for one word: folded lemmas (and the folded word) plus a prefix stem."""
    lower = word.casefold()
    terms = {fold(lower)}
    for lang in langs:
        terms.add(fold(_lemma(lower, lang)))
    stems = {f"~{t[:STEM_LENGTH]}" for t in terms if len(t) > STEM_LENGTH}
    return tuple(sorted(terms | stems))


def tokens(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if len(w) > 1 or w.isdigit()]


def document_terms(text: str, lang: str) -> list[str]:
    out = []
    stop = STOP.get(lang, set())
    for word in tokens(text):
        if word.casefold() in stop:
            continue
        out.extend(word_terms(word, (lang,)))
    return out


def document_term_counts(text: str, lang: str) -> dict[str, int]:
    """Term frequencies of a text: each distinct word is analysed once."""
    counts: dict[str, int] = {}
    stop = STOP.get(lang, set())
    for word, n in Counter(WORD.findall(text)).items():
        if (len(word) < 2 and not word.isdigit()) or word.casefold() in stop:
            continue
        for term in word_terms(word, (lang,)):
            counts[term] = counts.get(term, 0) + n
    return counts


def query_words(text: str, lang: str) -> list[tuple[str, ...]]:
    """Each query word with its alternative terms (any of them may match)."""
    words = []
    for word in tokens(text)[:32]:
        if word.casefold() in ALL_STOP:
            continue
        script = "cyrillic" if CYRILLIC.search(word) else "latin"
        langs = tuple(dict.fromkeys((lang, *LANGS_BY_SCRIPT[script])))
        words.append(word_terms(word, langs))
    return words
