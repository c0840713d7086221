"""PDF output of a prepared application: the MOS preparation pack and the paper form.

Both renderers take the same ``pack`` dict (every string already translated, the
official ones in Polish; this module translates nothing) and return PDF bytes:

- ``render_mos_pack``: A4 checklist for typing the application into MOS — each
  section as a table (reference, Polish label with the applicant's-language label
  under it, the value in bold exactly as given), "*" + footnote for unconfirmed
  rows, attachments, fee, findings, next steps, "page X/Y".
- ``render_paper_form``: laid out like the official paper form — shaded part bars,
  numbered Polish labels, values in capitals one character per box, wrapping to
  more rows of boxes, and the signature frame at the end.

Any failure (bad input, missing font, fpdf2 error) is raised as ``PdfError`` with
the cause chained; ``_render`` is the one place that drives fpdf2.

Speed (the target is 50 ms per document). fpdf2 binds a loaded font to one
document (output() subsets it in place and closes it), so font objects cannot be
shared between calls; per call we keep the font work small instead:

- a reduced copy of DejaVu Sans and Sans Bold (Latin, Latin Extended-A, Cyrillic,
  punctuation; no layout or hinting tables) is built once per process into a
  private temporary folder; fpdf2 loads it in a fraction of the time of the full
  6,000-glyph fonts. A pack with any other character uses the full fonts for
  that document (slower, still correct);
- fontTools is told not to recompute glyph bounding boxes when fpdf2 saves the
  subset (subsetting does not change them); that re-encoding of every glyph was
  half of output();
- glyph widths for line breaking come from a table cached per process; text is
  placed with FPDF.text after our own line breaking (cell and multi_cell cost
  many times more per call), and the paper form's box separators are drawn as
  one dashed line per row of boxes, flushed once per page.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from fontTools import subset as ft_subset
from fontTools import ttLib
from fpdf import FPDF

logger = logging.getLogger(__name__)
# fontTools reports every subset (fpdf2 makes one per font per document) at INFO,
# dozens of lines each, and the site logs INFO. Its warnings still come through.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
FAMILY = "dejavu"

# What the reduced fonts keep: Polish and most European Latin letters, Romanian
# and Azerbaijani extras, Russian, Ukrainian, Belarusian, Serbian and Macedonian Cyrillic,
# dashes, quotes, bullets, ‰, €, №, ✓, ✗ and U+FFFD.
REDUCED_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x018F, 0x018F), (0x0218, 0x021B), (0x0259, 0x0259),
    (0x02BB, 0x02BC), (0x0400, 0x045F), (0x0490, 0x0491), (0x2010, 0x2027), (0x2030, 0x203A),
    (0x20AC, 0x20AC), (0x2116, 0x2116), (0x2212, 0x2212), (0x2713, 0x2713), (0x2717, 0x2717),
    (0xFFFD, 0xFFFD),
)  # fmt: skip

MM_PER_PT = 25.4 / 72
CAP_HEIGHT = 0.729  # DejaVu Sans cap height, in em
LEADING = 1.28  # line height / font size

# Page geometry (mm): A4 portrait.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP = 15.0, 195.0, 15.0
BOTTOM = PAGE_H - 16.0  # content stops here; the footer sits below
WIDTH = RIGHT - LEFT

BLACK = (0, 0, 0)
GREY = (105, 105, 105)
LIGHT = (190, 190, 190)
BAR = (232, 236, 241)
FORM_BAR = (205, 205, 205)
BOX_LINE = (70, 70, 70)
GREEN = (20, 110, 50)
RED = (165, 30, 30)
AMBER = (160, 95, 0)
BLUE = (40, 80, 140)
SEVERITY_COLOURS = {"error": RED, "warning": AMBER}


class PdfError(Exception):
    """Rendering a PDF failed; the original exception is chained as __cause__."""


# ---------------------------------------------------------------- public API


def render_mos_pack(pack: dict, *, compress: bool = True) -> bytes:
    """The MOS preparation pack: every section, attachments, fee, findings, next steps."""
    return _render(_draw_mos_pack, pack, compress)


def render_paper_form(pack: dict, *, compress: bool = True) -> bytes:
    """The paper form: part bars, numbered Polish labels, capitals in boxes, signatures."""
    return _render(_draw_paper_form, pack, compress)


def _render(draw: Callable[[_Writer, dict], None], pack: dict, compress: bool) -> bytes:
    """The one place that drives fpdf2; every failure comes out as PdfError."""
    try:
        if not isinstance(pack, dict):
            raise TypeError(f"pack must be a dict, not {type(pack).__name__}")
        fonts = _font_set(full=_needs_full_font(pack))
        pdf = _Document(footer_left=_clean(pack.get("generated")), page_label=_clean(pack["labels"]["page"]))
        pdf.set_compression(compress)
        pdf.set_auto_page_break(False)
        pdf.set_margins(LEFT, TOP, PAGE_W - RIGHT)
        pdf.set_title(_clean(pack.get("title")))
        pdf.set_lang("pl")
        pdf.set_creator("Konsultant")
        for style, path in fonts.paths.items():
            pdf.add_font(FAMILY, style, str(path))
        for font in pdf.fonts.values():
            # When output() saves a subset, fontTools by default decodes and re-encodes
            # every glyph to recompute bounding boxes, which subsetting does not change:
            # half the cost of output(). Only a speed-up; a no-op if fpdf2 changes.
            if hasattr(getattr(font, "ttfont", None), "recalcBBoxes"):
                font.ttfont.recalcBBoxes = False
        writer = _Writer(pdf, fonts)
        draw(writer, pack)
        writer.finish_page()
        return bytes(pdf.output())
    except PdfError:
        raise
    except Exception as error:
        raise PdfError(f"could not render the PDF: {type(error).__name__}: {error}") from error


# ---------------------------------------------------------------- fonts


@dataclass(frozen=True)
class _FontSet:
    paths: dict[str, Path]  # style ("" or "B") -> TTF file to load
    widths: dict[str, dict[str, int]]  # style -> character -> advance in 1/1000 em
    default: dict[str, int]  # style -> advance of .notdef


_lock = threading.Lock()
_reduced: dict[str, object] = {}  # "dir", the "pid" of the process that made it, or "failed"


@cache
def _metrics(style: str) -> tuple[dict[str, int], int]:
    """Advance widths of the full font, rounded as fpdf2 rounds them."""
    font = ttLib.TTFont(FONT_FILES[style], lazy=True)
    scale = 1000 / font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    widths = {chr(cp): round(scale * hmtx[glyph][0] + 0.001) for cp, glyph in font.getBestCmap().items()}
    default = round(scale * hmtx[".notdef"][0])
    font.close()
    return widths, default


@cache
def _printable() -> frozenset[str]:
    """Characters both full fonts can show (no control or format characters), plus newline."""
    regular, bold = _metrics("")[0], _metrics("B")[0]
    return frozenset(c for c in regular if c in bold and unicodedata.category(c) not in ("Cc", "Cf")) | {"\n"}


@cache
def _reduced_chars() -> frozenset[str]:
    wanted = {chr(cp) for lo, hi in REDUCED_RANGES for cp in range(lo, hi + 1)}
    return frozenset(wanted & _printable()) | {"\n"}


def _reduced_paths() -> dict[str, Path]:
    """The reduced fonts, built once per process (and again if the files were cleaned away)."""
    with _lock:
        folder = _reduced.get("dir")
        if folder:
            paths = {style: Path(str(folder)) / f"reduced{style}.ttf" for style in FONT_FILES}
            if all(path.exists() for path in paths.values()):
                return paths
        folder = Path(tempfile.mkdtemp(prefix="konsultant-pdf-fonts-"))
        if not _reduced:
            atexit.register(_remove_reduced)
        _reduced.update(dir=folder, pid=os.getpid())
        unicodes = sorted(ord(c) for c in _reduced_chars() if c != "\n")
        paths = {style: folder / f"reduced{style}.ttf" for style in FONT_FILES}
        for style, source in FONT_FILES.items():
            _write_reduced(source, paths[style], unicodes)
        return paths


def _write_reduced(source: Path, target: Path, unicodes: list[int]):
    options = ft_subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "hdmx", "FFTM", "MATH", "meta"]
    options.hinting = False
    options.glyph_names = True  # fpdf2 loads named glyphs faster than it derives names
    options.notdef_outline = True
    options.recommended_glyphs = True
    font = ttLib.TTFont(source)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    partial = target.with_suffix(".part")
    font.save(partial)
    font.close()
    partial.replace(target)


def _remove_reduced():
    # Forked workers inherit this handler; only the process that made the folder removes it.
    if _reduced.get("pid") == os.getpid():
        shutil.rmtree(str(_reduced["dir"]), ignore_errors=True)


def _font_set(full: bool) -> _FontSet:
    paths = dict(FONT_FILES)
    if not full and not _reduced.get("failed"):
        try:
            paths = _reduced_paths()
        except Exception:  # a fontTools or disk problem: the full fonts still work, only slower
            logger.exception("could not build the reduced PDF fonts; using the full fonts")
            _reduced["failed"] = True
    metrics = {style: _metrics(style) for style in FONT_FILES}
    return _FontSet(
        paths=paths,
        widths={style: m[0] for style, m in metrics.items()},
        default={style: m[1] for style, m in metrics.items()},
    )


def _strings(value) -> Iterable[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif value is not None and not isinstance(value, bool):
        yield str(value)  # str, numbers, lazy translations


def _needs_full_font(pack: dict) -> bool:
    """Whether the pack shows a character (the paper form's capitals included) that the
    full fonts have and the reduced ones lack."""
    text = unicodedata.normalize("NFC", "\n".join(_strings(pack)))
    chars = set(text)
    chars.update(text.upper())
    return not (chars - _reduced_chars()).isdisjoint(_printable())


def _clean(text) -> str:
    """A string as printed: NFC (precomposed glyphs), tabs as spaces, no control or
    format characters, and a character no DejaVu font has as U+FFFD, not dropped."""
    text = "" if text is None else str(text)
    if text.isascii() and text.isprintable():
        return text
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    printable = _printable()
    if printable.issuperset(text):
        return text
    return "".join(
        c if c in printable else "" if unicodedata.category(c) in ("Cc", "Cf") else "\ufffd" for c in text
    )


# ---------------------------------------------------------------- drawing primitives


class _Document(FPDF):
    def __init__(self, footer_left: str, page_label: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_left = footer_left
        self.page_label = page_label

    def footer(self):
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        self.set_draw_color(*LIGHT)
        self.set_line_width(0.2)
        self.line(LEFT, PAGE_H - 12.5, RIGHT, PAGE_H - 12.5)
        self.set_xy(LEFT, PAGE_H - 12)
        self.cell(WIDTH / 2, 5, self.footer_left)
        self.set_xy(LEFT + WIDTH / 2, PAGE_H - 12)
        self.cell(WIDTH / 2, 5, f"{self.page_label} {self.page_no()}/{{nb}}", align="R")


class _Line(NamedTuple):
    text: str
    style: str
    size: float
    colour: tuple[int, int, int]
    align: str
    height: float


def _line(text: str, style: str = "", size: float = 9.0, colour=BLACK, align: str = "L") -> _Line:
    return _Line(text, style, size, colour, align, size * MM_PER_PT * LEADING)


@dataclass
class _Column:
    x: float
    w: float
    lines: list[_Line]


class _Writer:
    """Cursor, page breaks, line breaking and text placement on one FPDF document."""

    PAD = 1.3

    def __init__(self, pdf: _Document, fonts: _FontSet):
        self.pdf = pdf
        self.fonts = fonts
        self.y = TOP
        self.at_top = True
        self.on_new_page: Callable[[], None] | None = None
        self.on_page_end: list[Callable[[], None]] = []
        self._font: tuple[str, float] | None = None
        self._colour: tuple[int, int, int] | None = None
        self.pdf.add_page()

    # -- state

    def new_page(self):
        self.finish_page()
        self.pdf.add_page()
        self._font = self._colour = None  # the footer changed fpdf2's state behind our back
        self.y = TOP
        self.at_top = True
        if self.on_new_page:
            self.on_new_page()
            self.at_top = True

    def finish_page(self):
        for flush in self.on_page_end:
            flush()

    def ensure(self, height: float):
        """Start a new page unless `height` mm fit below the cursor."""
        if self.y + height > BOTTOM and not self.at_top:
            self.new_page()

    def room(self) -> float:
        return BOTTOM - self.y

    def advance(self, height: float):
        self.y += height
        self.at_top = False

    def set_font(self, style: str, size: float):
        if self._font != (style, size):
            self.pdf.set_font(FAMILY, style, size)
            self._font = (style, size)

    def set_colour(self, colour: tuple[int, int, int]):
        if self._colour != colour:
            self.pdf.set_text_color(*colour)
            self._colour = colour

    # -- measuring and line breaking

    def width(self, text: str, style: str, size: float) -> float:
        widths, default = self.fonts.widths[style], self.fonts.default[style]
        return sum([widths.get(c, default) for c in text]) * size * MM_PER_PT / 1000

    def wrap(self, text: str, width: float, style: str = "", size: float = 9.0) -> list[str]:
        """Greedy word wrap to `width` mm; "\n" breaks; a word longer than a line is cut."""
        widths, default = self.fonts.widths[style], self.fonts.default[style]
        limit = width * 1000 / (size * MM_PER_PT)
        if "\n" not in text and sum([widths.get(c, default) for c in text]) <= limit:
            return [text]
        space = widths.get(" ", default)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line, line_w = "", -1.0  # -1: nothing on the line yet
            for word in paragraph.split(" "):
                word_w = sum([widths.get(c, default) for c in word])
                if line_w >= 0 and line_w + space + word_w <= limit:
                    line, line_w = f"{line} {word}", line_w + space + word_w
                    continue
                if line_w >= 0:
                    lines.append(line)
                while word_w > limit:  # longer than a line: cut it
                    cut, cut_w = 0, 0.0
                    while cut < len(word) and cut_w + widths.get(word[cut], default) <= limit:
                        cut_w += widths.get(word[cut], default)
                        cut += 1
                    cut = max(cut, 1)
                    lines.append(word[:cut])
                    word = word[cut:]
                    word_w -= cut_w
                line, line_w = word, word_w
            lines.append(line)
        return lines

    def lines(self, text, width: float, style: str = "", size: float = 9.0, colour=BLACK, align="L") -> list[_Line]:
        height = size * MM_PER_PT * LEADING
        return [_Line(t, style, size, colour, align, height) for t in self.wrap(_clean(text), width, style, size)]

    # -- placing

    def text(self, x: float, top: float, line: _Line, width: float = 0.0):
        """One line with its box top at `top`; aligned inside `width` mm from `x`."""
        if not line.text:
            return
        self.set_font(line.style, line.size)
        self.set_colour(line.colour)
        if line.align != "L":
            gap = width - self.width(line.text, line.style, line.size)
            x += gap if line.align == "R" else gap / 2
        self.pdf.text(x, top + (line.height + CAP_HEIGHT * line.size * MM_PER_PT) / 2, line.text)

    def block(self, lines: list[_Line], x: float = LEFT, width: float = WIDTH, gap: float = 0.0):
        """Lines that flow over pages."""
        for line in lines:
            self.ensure(line.height)
            self.text(x, self.y, line, width)
            self.advance(line.height)
        self.y += gap

    def row(
        self,
        columns: list[_Column],
        *,
        border: bool = True,
        fill: tuple[int, int, int] | None = None,
        decorate: Callable[[float], None] | None = None,
    ):
        """A table row. Without room left it moves to a new page; taller than a page it is
        split between lines. `decorate(top)` draws extras on its first part."""
        pad = self.PAD
        pending = [c.lines for c in columns]
        first = True
        while True:
            need = max([sum([line.height for line in lines]) for lines in pending], default=0) + 2 * pad
            if need <= self.room():
                parts, height = pending, need
            elif not self.at_top and need <= BOTTOM - TOP - 12:
                self.new_page()
                continue
            else:
                parts = [self._fitting(lines, self.room() - 2 * pad) for lines in pending]
                if not any(parts):
                    if self.at_top:
                        raise PdfError("a line of text is taller than a page")
                    self.new_page()
                    continue
                height = self.room()
            self._draw_row(columns, parts, height, border, fill)
            if first and decorate:
                decorate(self.y)
            first = False
            self.advance(height)
            pending = [lines[len(part) :] for lines, part in zip(pending, parts)]
            if not any(pending):
                return
            self.new_page()

    @staticmethod
    def _fitting(lines: list[_Line], room: float) -> list[_Line]:
        taken, used = [], 0.0
        for line in lines:
            if used + line.height > room:
                break
            taken.append(line)
            used += line.height
        return taken

    def _draw_row(self, columns: list[_Column], parts: list[list[_Line]], height: float, border: bool, fill):
        pdf, top = self.pdf, self.y
        left, right = columns[0].x, columns[-1].x + columns[-1].w
        if fill:
            pdf.set_fill_color(*fill)
            pdf.rect(left, top, right - left, height, style="F")
            pdf.set_fill_color(*BLACK)  # FPDF.text adds a q/Q pair when fill and text colour differ
        if border:
            pdf.set_draw_color(*LIGHT)
            pdf.set_line_width(0.2)
            pdf.rect(left, top, right - left, height)
            for column in columns[1:]:
                pdf.line(column.x, top, column.x, top + height)
        for column, lines in zip(columns, parts):
            line_top = top + self.PAD
            for line in lines:
                self.text(column.x + self.PAD, line_top, line, column.w - 2 * self.PAD)
                line_top += line.height

    def bar(self, lines: list[_Line], fill: tuple[int, int, int], keep_with: float = 0.0):
        """A shaded full-width bar, kept on one page with `keep_with` mm after it."""
        height = sum(line.height for line in lines) + 2 * self.PAD
        self.ensure(height + keep_with)
        self.pdf.set_fill_color(*fill)
        self.pdf.rect(LEFT, self.y, WIDTH, height, style="F")
        self.pdf.set_fill_color(*BLACK)  # FPDF.text adds a q/Q pair when fill and text colour differ
        top = self.y + self.PAD
        for line in lines:
            self.text(LEFT + 2, top, line, WIDTH - 4)
            top += line.height
        self.advance(height)


# ---------------------------------------------------------------- the MOS pack

REF_W, LABEL_W = 17.0, 61.0
VALUE_X = LEFT + REF_W + LABEL_W
VALUE_W = RIGHT - VALUE_X
MARK_W = 3.5  # room kept at the right of a value for the "*" marker


def _draw_mos_pack(w: _Writer, pack: dict):
    labels = pack["labels"]
    _mos_header(w, pack)
    for section in pack["sections"]:
        if section.get("rows"):
            _mos_section(w, section, labels)
    _mos_attachments(w, pack.get("attachments") or [], labels)
    _mos_fee(w, pack.get("fee") or {}, labels)
    _mos_findings(w, pack.get("findings") or [], labels)
    _mos_next_steps(w, pack.get("next_steps") or [], labels)


def _mos_header(w: _Writer, pack: dict):
    w.block(w.lines(pack["title"], WIDTH, "B", 16))
    w.block(w.lines(pack.get("subtitle"), WIDTH, "", 11, GREY), gap=1.5)
    generated = _clean(pack.get("generated"))
    date_w = w.width(generated, "", 10) + 4
    w.text(LEFT, w.y, _line(generated, "", 10, BLACK, "R"), WIDTH)
    w.block(w.lines(pack.get("authority"), WIDTH - date_w, "", 10))
    w.pdf.set_draw_color(*BLACK)
    w.pdf.set_line_width(0.4)
    w.pdf.line(LEFT, w.y + 1.5, RIGHT, w.y + 1.5)
    w.advance(5)


def _section_bar(w: _Writer, section: dict) -> list[_Line]:
    title = _clean(section.get("title"))
    lines = w.lines(title + (" *" if section.get("unconfirmed") else ""), WIDTH - 4, "B", 11)
    user = _clean(section.get("title_user"))
    if user and user != title:
        lines += w.lines(user, WIDTH - 4, "", 8.5, GREY)
    return lines


def _mos_section(w: _Writer, section: dict, labels: dict):
    rows = [_mos_row(w, row) for row in section["rows"]]
    bar = _section_bar(w, section)
    first_row = min(max(sum(line.height for line in c.lines) for c in rows[0][0]) + 2 * w.PAD, 14)
    w.advance(2)
    w.bar(bar, BAR, keep_with=first_row)
    w.on_new_page = lambda: w.bar(bar[:1], BAR)  # the title again on a continuation page
    marked = bool(section.get("unconfirmed"))
    for columns, unconfirmed in rows:
        w.row(columns, decorate=_star(w) if unconfirmed else None)
        marked = marked or unconfirmed
    w.on_new_page = None
    if marked:
        w.advance(0.8)
        w.block(w.lines(f"* {_clean(labels.get('unconfirmed'))}", WIDTH, "", 7.5, GREY))


def _mos_row(w: _Writer, row: dict) -> tuple[list[_Column], bool]:
    pad2 = 2 * w.PAD
    label = _clean(row.get("label"))
    label_lines = w.lines(label, LABEL_W - pad2, "", 9)
    user = _clean(row.get("label_user"))
    if user and user != label:
        label_lines += w.lines(user, LABEL_W - pad2, "", 7.5, GREY)
    columns = [
        _Column(LEFT, REF_W, w.lines(row.get("ref"), REF_W - pad2, "", 8, GREY)),
        _Column(LEFT + REF_W, LABEL_W, label_lines),
        _Column(VALUE_X, VALUE_W, w.lines(row.get("value"), VALUE_W - pad2 - MARK_W, "B", 10)),
    ]
    return columns, bool(row.get("unconfirmed"))


def _star(w: _Writer) -> Callable[[float], None]:
    def draw(top: float):
        w.text(RIGHT - MARK_W - w.PAD + 0.8, top + w.PAD, _line("*", "B", 10, AMBER))

    return draw


def _heading(w: _Writer, text, keep_with: float = 12.0):
    w.advance(4)
    lines = w.lines(text, WIDTH, "B", 12)
    w.ensure(sum(line.height for line in lines) + keep_with)
    w.block(lines, gap=1.0)


def _mos_attachments(w: _Writer, attachments: list, labels: dict):
    if not attachments:
        return
    _heading(w, labels.get("attachments"))
    box_w, status_w = 8.0, 30.0
    name_x, name_w = LEFT + box_w, WIDTH - box_w - status_w
    pad2 = 2 * w.PAD
    for item in attachments:
        ready = bool(item.get("ready"))
        name = _clean(item.get("name"))
        lines = w.lines(name, name_w - pad2, "", 9.5)
        user = _clean(item.get("name_user"))
        if user and user != name:
            lines += w.lines(user, name_w - pad2, "", 7.5, GREY)
        if item.get("rule"):
            lines += w.lines(item["rule"], name_w - pad2, "", 7.5, GREY)
        status = labels.get("ready" if ready else "missing")
        columns = [
            _Column(LEFT, box_w, []),
            _Column(name_x, name_w, lines),
            _Column(name_x + name_w, status_w, w.lines(status, status_w - pad2, "B", 9, GREEN if ready else RED)),
        ]
        w.row(columns, decorate=_checkbox(w, ready))


def _checkbox(w: _Writer, ready: bool) -> Callable[[float], None]:
    def draw(top: float):
        size = 3.6
        x, y = LEFT + (8.0 - size) / 2, top + w.PAD + 0.3
        w.pdf.set_draw_color(*BLACK)
        w.pdf.set_line_width(0.3)
        w.pdf.rect(x, y, size, size)
        if ready:
            w.text(x + 0.35, y - 0.5, _line("✓", "B", 10, GREEN))

    return draw


def _mos_fee(w: _Writer, fee: dict, labels: dict):
    lines = fee.get("lines") or []
    if not lines and not fee.get("total"):
        return
    _heading(w, labels.get("fee"))
    amount_w = 40.0
    name_w = WIDTH - amount_w
    pad2 = 2 * w.PAD
    for line in lines:
        w.row([
            _Column(LEFT, name_w, w.lines(line.get("name"), name_w - pad2, "", 9.5)),
            _Column(LEFT + name_w, amount_w, w.lines(line.get("amount"), amount_w - pad2, "", 9.5, align="R")),
        ])  # fmt: skip
    if fee.get("total"):
        w.row([
            _Column(LEFT, name_w, []),
            _Column(LEFT + name_w, amount_w, w.lines(fee["total"], amount_w - pad2, "B", 11, align="R")),
        ], fill=BAR)  # fmt: skip
    details = w.lines(fee.get("payee"), WIDTH - pad2, "", 9) + w.lines(fee.get("title"), WIDTH - pad2, "B", 9)
    details = [line for line in details if line.text]
    if details:
        w.row([_Column(LEFT, WIDTH, details)])


def _mos_findings(w: _Writer, findings: list, labels: dict):
    if not findings:
        return
    _heading(w, labels.get("findings"))
    rule_w = 18.0
    pad2 = 2 * w.PAD
    for finding in findings:
        colour = SEVERITY_COLOURS.get(str(finding.get("severity")), BLUE)
        w.row([
            _Column(LEFT, rule_w, w.lines(finding.get("rule"), rule_w - pad2, "B", 9, colour)),
            _Column(LEFT + rule_w, WIDTH - rule_w, w.lines(finding.get("message"), WIDTH - rule_w - pad2, "", 9.5)),
        ])  # fmt: skip


def _mos_next_steps(w: _Writer, steps: list, labels: dict):
    if not steps:
        return
    _heading(w, labels.get("next_steps"))
    number_w = 8.0
    for number, step in enumerate(steps, 1):
        w.row([
            _Column(LEFT, number_w, [_line(f"{number}.", "B", 9.5)]),
            _Column(LEFT + number_w, WIDTH - number_w, w.lines(step, WIDTH - number_w - 2 * w.PAD, "", 9.5)),
        ], border=False)  # fmt: skip


# ---------------------------------------------------------------- the paper form

BOX_W, BOX_H = 5.0, 6.2
BOXES = int(WIDTH // BOX_W)  # boxes in a row
BOX_SIZE = 10.0  # pt, the letters in the boxes
SEPARATOR = 0.2  # mm, box lines


def _draw_paper_form(w: _Writer, pack: dict):
    boxes = _Boxes(w)
    w.on_page_end.append(boxes.flush)
    _form_header(w, pack)
    for section in pack["sections"]:
        if section.get("rows"):
            _form_part(w, section, boxes)
    _form_signatures(w)


def _form_header(w: _Writer, pack: dict):
    w.text(LEFT, w.y, _line(_clean(pack.get("generated")), "", 8, GREY))
    w.block(w.lines(pack.get("authority"), WIDTH / 2, "B", 10, align="R"), x=LEFT + WIDTH / 2, width=WIDTH / 2)
    w.advance(4)
    w.block(w.lines(pack.get("title"), WIDTH, "B", 13, align="C"), gap=3)


def _form_part(w: _Writer, section: dict, boxes: _Boxes):
    w.advance(2.5)
    title = _clean(section.get("title")).upper()  # "A. DANE OSOBOWE CUDZOZIEMCA"
    w.bar(w.lines(title, WIDTH - 4, "B", 10), FORM_BAR, keep_with=12 + BOX_H)
    w.advance(1.5)
    for number, row in enumerate(section["rows"], 1):
        label = w.lines(f"{_field_number(row.get('ref'), number)}{_clean(row.get('label'))}", WIDTH, "", 8)
        w.ensure(sum(line.height for line in label) + 0.6 + BOX_H)
        w.block(label, gap=0.6)
        for chars in _box_rows(_clean(_clean(row.get("value")).upper())):
            w.ensure(BOX_H)
            boxes.draw(chars)
            w.advance(BOX_H)
        w.advance(2.2)


def _field_number(ref, number: int) -> str:
    """ "A.1 " for a form reference, "3. " when there is none; a reference without a
    number or part ("Do", the addressee) would only repeat the label's first word."""
    ref = _clean(ref).strip()
    if not ref:
        return f"{number}. "
    return f"{ref} " if "." in ref or any(c.isdigit() for c in ref) else ""


def _box_rows(value: str) -> list[str]:
    """The value cut into rows of BOXES characters, at spaces where possible."""
    rows: list[str] = []
    for text in value.split("\n"):
        while len(text) > BOXES:
            cut = text.rfind(" ", 0, BOXES + 1)
            if cut <= 0:
                rows.append(text[:BOXES])
                text = text[BOXES:]
            else:
                rows.append(text[:cut])
                text = text[cut + 1 :]
        rows.append(text)
    return rows if any(rows) else [""]


class _Boxes:
    """Rows of boxes, one character in each. The separators of all rows on a page are
    drawn together at the end of the page: per row, one line as tall as the boxes,
    dashed so that each dash is one separator (far cheaper than 35 lines per row)."""

    def __init__(self, w: _Writer):
        self.w = w
        self.tops: list[float] = []

    def draw(self, chars: str):
        w, pdf, top = self.w, self.w.pdf, self.w.y
        pdf.set_draw_color(*BOX_LINE)
        pdf.set_line_width(SEPARATOR)
        pdf.rect(LEFT, top, BOXES * BOX_W, BOX_H)
        self.tops.append(top)
        w.set_font("", BOX_SIZE)
        w.set_colour(BLACK)
        widths, default = w.fonts.widths[""], w.fonts.default[""]
        scale = BOX_SIZE * MM_PER_PT / 1000
        baseline = top + (BOX_H + CAP_HEIGHT * BOX_SIZE * MM_PER_PT) / 2
        x = LEFT + BOX_W / 2
        for char in chars:
            if char != " ":
                pdf.text(x - widths.get(char, default) * scale / 2, baseline, char)
            x += BOX_W

    def flush(self):
        if not self.tops:
            return
        start, end = LEFT + BOX_W - SEPARATOR / 2, LEFT + (BOXES - 1) * BOX_W + SEPARATOR / 2
        style = {"stroke_cap_style": "BUTT", "draw_color": BOX_LINE, "line_width": BOX_H}
        with self.w.pdf.local_context(**style, dash_pattern=(SEPARATOR, BOX_W - SEPARATOR, 0)):
            for top in self.tops:
                self.w.pdf.line(start, top + BOX_H / 2, end, top + BOX_H / 2)
        self.tops = []


def _form_signatures(w: _Writer):
    w.advance(5)
    w.ensure(78)
    w.bar([_line("Wzór podpisu", "B", 10)], FORM_BAR)
    w.advance(3)
    pdf = w.pdf
    pdf.set_draw_color(*BLACK)
    pdf.set_line_width(0.4)
    pdf.rect(LEFT + (WIDTH - 110) / 2, w.y, 110, 28)
    w.advance(28 + 6)
    w.bar([_line("Oświadczenie", "B", 10)], FORM_BAR)
    w.advance(18)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=0.6, gap=0.8)
    half = (WIDTH - 20) / 2
    pdf.line(LEFT, w.y, LEFT + half, w.y)
    pdf.line(RIGHT - half, w.y, RIGHT, w.y)
    pdf.set_dash_pattern()
    w.advance(1)
    w.text(LEFT, w.y, _line("data", "", 7.5, GREY, "C"), half)
    w.text(RIGHT - half, w.y, _line("podpis cudzoziemca", "", 7.5, GREY, "C"), half)
    w.advance(4)
