"""Benchmark: `plan-editor import` of the generated plan from Word and from PDF, as ratios.

    python tests/bench/bench_import.py --docx   (run_all's row: the Word import at 5k, with its halves and floors)
    python tests/bench/bench_import.py --pdf    (run_all's row: the PDF import at 1k, LibreOffice's PDF cached)
    python tests/bench/bench_import.py          (by hand: both at 5k; LibreOffice renders 5k in minutes)

The .docx is our own official export of tests/synthetic.generate_plan(); the PDF is LibreOffice's
rendering of it. Baselines, measured in the same run and interleaved with the imports (median
of 9 each for Word, 5 for PDF, an untimed full collection before each call so that no side frees the other's garbage):
python-docx merely opening the .docx, and pdfplumber merely extracting the PDF's text.
Goal (issue 12): import ≤ 2× its baseline, for each source.

The Word import's reported rows, against the same baseline: its two halves, reading the document
into source lines (editor.importing.docx_reader) and recognising the plan in them
(schema.importer.import_lines); and two floors, what any importer in this stack does at least
(tests/bench/floors.md): lxml parsing the three parts and walking every paragraph's style, text and
bookmarks, nothing else; and pydantic building the same plan from plain data, twice (the imported
revision and the draft), as any importer must.
"""
from __future__ import annotations

import gc
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.export.official_docx import write_official_docx  # noqa: E402
from editor.importing.sources import import_file  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.importing.material import libreoffice  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402

REPEAT = 5  # the PDF's rounds; the Word import's are more (WORD_REPEAT), each a fraction of a second
WORD_REPEAT = 9
PDF_FOCUS_AREAS = 1  # the --pdf row's plan: 1 focus area of the generated 20 (LibreOffice renders it in seconds)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open_docx(path: Path) -> None:
    from docx import Document

    Document(str(path))


def _extract_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _interleaved(pairs: dict[str, tuple], rounds: int = REPEAT) -> dict[str, tuple[float, float, float, float]]:
    """name → median (wall s of the work, wall s of its baseline, CPU s of the work, CPU s of the baseline),
    the runs taken in turn, each after an untimed full collection, with the collector paused (as import_file runs)."""
    wall = {name: ([], []) for name in pairs}
    cpu = {name: ([], []) for name in pairs}
    for _ in range(rounds):
        for name, (work, baseline) in pairs.items():
            for k, fn in enumerate((work, baseline)):
                gc.collect()
                gc.disable()
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    fn()
                finally:
                    wall[name][k].append(time.perf_counter() - start)
                    cpu[name][k].append(time.process_time() - start_cpu)
                    gc.enable()
    return {name: (*map(statistics.median, wall[name]), *map(statistics.median, cpu[name])) for name in pairs}


def floor_walk(path: Path) -> int:
    """The least a reader does: unzip and parse document, styles and numbering with lxml, and visit every
    paragraph's style, runs' texts, tabs and bookmark names (one C-filtered pass), keeping nothing."""
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(path) as archive:
        roots = [etree.fromstring(archive.read(f"word/{name}.xml"), parser) for name in ("document", "styles", "numbering")]
    seen = 0
    text, mark, name = W + "t", W + "bookmarkStart", W + "name"
    for node in roots[0].iter(W + "p", W + "pStyle", text, W + "tab", mark):
        tag = node.tag
        if tag == text:
            seen += len(node.text or "")
        elif tag == mark:
            seen += len(node.get(name, ""))
    return seen


def floor_models(plan) -> None:
    """The least a recogniser does at the end: pydantic builds the plan's content from plain data twice
    (the imported revision and the draft, which the editor changes on its own)."""
    from schema.model import PlanContent

    data = plan.draft.content.model_dump()
    for _ in range(2):
        PlanContent.model_validate(data)


def _halves(docx: Path) -> dict[str, tuple]:
    """The Word import's two halves and its floors, each timed against the same baseline."""
    from editor.importing.docx_reader import read_docx
    from schema.importer import import_lines

    lines = read_docx(docx).lines
    imported = import_file(docx).plan
    open_it = lambda: _open_docx(docx)  # noqa: E731
    return {
        "  read": (lambda: read_docx(docx), open_it),
        "  recognise": (lambda: import_lines(lines, source_name=docx.name, join=False, bracket_width_known=True), open_it),
        "floor: read": (lambda: floor_walk(docx), open_it),
        "floor: models": (lambda: floor_models(imported), open_it),
    }


_NAMES = {
    ".docx": "import a {n}-node plan from Word (.docx)",
    "  read": "  its reading: the document into source lines",
    "  recognise": "  its recognising: the plan in the lines",
    "floor: read": "floor: lxml parsing the three parts and walking every paragraph",
    "floor: models": "floor: pydantic building the plan's content twice",
    ".pdf": "import a {n}-node plan from PDF (LibreOffice's)",
}


def _cached_pdf(docx: Path, folder: Path) -> Path:
    """LibreOffice's PDF of ``docx``, made once and kept in the temp dir under the .docx's hash."""
    digest = hashlib.sha256(docx.read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "plan-editor-bench-import"
    cached = cache / f"{digest}.pdf"
    if not cached.exists():
        made = libreoffice([docx], "pdf", folder / "pdf", folder / "lo")[0]
        cache.mkdir(exist_ok=True)
        shutil.copyfile(made, cache / f"{digest}.part")
        os.replace(cache / f"{digest}.part", cached)
    return cached


def main() -> None:
    args = sys.argv[1:]
    docx_rows, pdf_rows = "--docx" in args, "--pdf" in args
    by_hand = not (docx_rows or pdf_rows)
    results: dict[str, tuple[float, float, float, float]] = {}
    sizes: dict[str, int] = {}
    for source in (".docx", ".pdf"):
        if not (by_hand or (docx_rows if source == ".docx" else pdf_rows)):
            continue
        plan = generate_plan(PDF_FOCUS_AREAS) if source == ".pdf" and not by_hand else generate_plan()
        nodes = sum(1 for _ in walk(plan.draft.content))
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            docx = write_official_docx(plan, None, folder / "plan.docx")
            check = import_file(docx).plan.draft.content
            assert sum(1 for _ in walk(check)) == nodes, "the benchmark's import lost nodes"
            if source == ".docx":
                pairs = {".docx": (lambda: import_file(docx), lambda: _open_docx(docx))}  # noqa: B023
                if docx_rows:
                    pairs |= _halves(docx)
            else:
                pdf = libreoffice([docx], "pdf", folder / "pdf", folder / "lo")[0] if by_hand else _cached_pdf(docx, folder)
                pairs = {".pdf": (lambda: import_file(pdf), lambda: _extract_pdf(pdf))}  # noqa: B023
            results |= _interleaved(pairs, WORD_REPEAT if source == ".docx" else REPEAT)
            sizes |= dict.fromkeys(pairs, nodes)
    print(f"median of {WORD_REPEAT} (.docx) or {REPEAT} (.pdf), interleaved; CPU = process time")
    print(f"{'source':14} {'nodes':>6} {'work s':>7} {'baseline s':>11} {'ratio':>6} {'CPU ratio':>10}  baseline")
    for name, (work, base, work_cpu, base_cpu) in results.items():
        what = "pdfplumber extracting its text" if name == ".pdf" else "python-docx opening it"
        goal = "(goal ≤ 2.00)" if name.startswith(".") else "(reported)"
        print(f"{name:14} {sizes[name]:6} {work:7.3f} {base:11.3f} {work / base:6.2f} {work_cpu / base_cpu:10.2f}  {what}   {goal}")
        work_name = _NAMES[name].format(n=f"{sizes[name]:,}")
        report.emit(report.Row(work_name, work, base, goal_ratio=2.0 if name.startswith(".") else None, baseline_name=what))
        report.emit(report.Row(f"CPU time: {work_name.strip()}", work_cpu, base_cpu, baseline_name=f"{what}, CPU time"))


if __name__ == "__main__":
    main()
