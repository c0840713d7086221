"""PDF rendering time: the MOS pack and the paper form (fpdf2) against WeasyPrint.

Run from the repository root, without Django settings:

    DJANGO_SETTINGS_MODULE= .venv/bin/python bench/pdf_bench.py [runs=50]

Renders the realistic pack from the tests (12 sections, 90 rows, 6 attachments,
3 fee lines, 5 findings) `runs` times with each renderer after one warm-up call,
and prints the wall-clock median and p95 and the CPU-time median in milliseconds. The baseline, in the same run, is
WeasyPrint turning the same content (a plain HTML table) into a PDF; it is skipped
with a note when WeasyPrint is not installed. The target is a 50 ms median each.
"""

import gc
import html
import os
import platform
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from applications.pdf import render_mos_pack, render_paper_form  # noqa: E402
from applications.tests.test_pdf import pdf_pages, sample_pack  # noqa: E402

TARGET_MS = 50.0
CSS = """
@page { size: A4; margin: 15mm 15mm 16mm; @bottom-right { content: "Strona " counter(page) "/" counter(pages);
        font-size: 7.5pt; color: #696969; } }
body { font-family: "DejaVu Sans"; font-size: 9pt; }
h1 { font-size: 16pt; margin: 0; } h2 { font-size: 12pt; margin: 10pt 0 3pt; }
.sub, .user, .ref { color: #696969; } .user { font-size: 7.5pt; display: block; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4pt; }
th { background: #e8ecf1; text-align: left; padding: 3pt 5pt; font-size: 11pt; }
td { border: 0.5pt solid #bebebe; padding: 3pt 4pt; vertical-align: top; }
td.value { font-weight: bold; font-size: 10pt; width: 58%; } td.ref { width: 8%; }
.note { font-size: 7.5pt; color: #696969; }
"""


def pack_html(pack: dict) -> str:
    """The same content as the MOS pack, as the simplest HTML a template would produce."""
    e = html.escape
    labels = pack["labels"]
    out = [f"<html lang='pl'><head><meta charset='utf-8'><style>{CSS}</style></head><body>",
           f"<h1>{e(pack['title'])}</h1><p class='sub'>{e(pack['subtitle'])}</p>",
           f"<p>{e(pack['authority'])} — {e(pack['generated'])}</p>"]  # fmt: skip
    for section in pack["sections"]:
        if not section["rows"]:
            continue
        star = " *" if section["unconfirmed"] else ""
        out.append(f"<table><tr><th colspan='3'>{e(section['title'])}{star}"
                   f"<span class='user'>{e(section['title_user'])}</span></th></tr>")  # fmt: skip
        for row in section["rows"]:
            mark = " *" if row["unconfirmed"] else ""
            out.append(f"<tr><td class='ref'>{e(row['ref'])}</td><td>{e(row['label'])}"
                       f"<span class='user'>{e(row['label_user'])}</span></td>"
                       f"<td class='value'>{e(row['value'])}{mark}</td></tr>")  # fmt: skip
        out.append("</table>")
        if star or any(row["unconfirmed"] for row in section["rows"]):
            out.append(f"<p class='note'>* {e(labels['unconfirmed'])}</p>")
    out.append(f"<h2>{e(labels['attachments'])}</h2><table>")
    for item in pack["attachments"]:
        status = labels["ready"] if item["ready"] else labels["missing"]
        out.append(f"<tr><td>{'✓' if item['ready'] else '☐'}</td><td>{e(item['name'])}"
                   f"<span class='user'>{e(item['name_user'])}</span><span class='user'>{e(item['rule'])}</span></td>"
                   f"<td><b>{e(status)}</b></td></tr>")  # fmt: skip
    fee = pack["fee"]
    out.append(f"</table><h2>{e(labels['fee'])}</h2><table>")
    out += [f"<tr><td>{e(line['name'])}</td><td>{e(line['amount'])}</td></tr>" for line in fee["lines"]]
    out.append(f"<tr><td></td><td><b>{e(fee['total'])}</b></td></tr>"
               f"<tr><td colspan='2'>{e(fee['payee'])}<br><b>{e(fee['title'])}</b></td></tr></table>")  # fmt: skip
    out.append(f"<h2>{e(labels['findings'])}</h2><table>")
    out += [f"<tr><td><b>{e(f['rule'])}</b></td><td>{e(f['message'])}</td></tr>" for f in pack["findings"]]
    out.append(f"</table><h2>{e(labels['next_steps'])}</h2><ol>")
    out += [f"<li>{e(step)}</li>" for step in pack["next_steps"]]
    out.append("</ol></body></html>")
    return "".join(out)


def measure(render, runs: int) -> tuple[list[float], list[float], bytes]:
    """Wall-clock and CPU milliseconds of each run, and the last PDF."""
    data = render()  # warm-up: imports, font metrics, caches
    gc.collect()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        data = render()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu, data


def report(name: str, wall: list[float], cpu: list[float], data: bytes, pages: int | None = None) -> float:
    median = statistics.median(wall)
    p95 = statistics.quantiles(wall, n=20, method="inclusive")[18]
    pages = pdf_pages(data) if pages is None else pages
    print(f"{name:<30} {median:>9.1f} {p95:>8.1f} {statistics.median(cpu):>10.1f} {pages:>6} {len(data):>9}")
    return median


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    pack = sample_pack()
    rows = sum(len(s["rows"]) for s in pack["sections"])
    print(f"PDF rendering: {runs} runs each after one warm-up; Python {platform.python_version()}, "
          f"fpdf2 {metadata.version('fpdf2')}, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"pack: {len(pack['sections'])} sections, {rows} rows, {len(pack['attachments'])} attachments, "
          f"{len(pack['fee']['lines'])} fee lines, {len(pack['findings'])} findings")  # fmt: skip

    start = time.perf_counter()
    render_mos_pack(pack)
    print(f"first call in this process (font metrics + building the reduced fonts): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")  # fmt: skip

    print(f"load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          "(wall-clock times grow when other processes compete for the CPUs; cpu_med_ms counts this process only)")
    print(f"{'renderer':<30} {'median_ms':>9} {'p95_ms':>8} {'cpu_med_ms':>10} {'pages':>6} {'bytes':>9}")
    medians = {
        "render_mos_pack": report("render_mos_pack", *measure(lambda: render_mos_pack(pack), runs)),
        "render_paper_form": report("render_paper_form", *measure(lambda: render_paper_form(pack), runs)),
    }
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        print(f"WeasyPrint baseline skipped ({type(error).__name__}: {error}). To run it: "
              ".venv/bin/pip install weasyprint==70.0, plus Debian's libpango-1.0-0 libpangoft2-1.0-0 "
              "(apt-get install -y libpango-1.0-0 libpangoft2-1.0-0).")  # fmt: skip
    else:
        markup = pack_html(pack)
        wall, cpu, data = measure(lambda: weasyprint.HTML(string=markup).write_pdf(), runs)
        pages = len(weasyprint.HTML(string=markup).render().pages)  # its page objects are compressed
        baseline = report(f"weasyprint {weasyprint.__version__} (HTML)", wall, cpu, data, pages)
        for name, median in medians.items():
            print(f"{name} / weasyprint = {median / baseline:.2f}")
    for name, median in medians.items():
        verdict = "meets" if median <= TARGET_MS else "MISSES"
        print(f"{name}: median {median:.1f} ms {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
