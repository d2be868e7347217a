"""Benchmark: `plan-editor import` of the ~5,000-node generated plan from Word and from PDF, as ratios.

Run by hand: python tests/bench/bench_import.py   (LibreOffice makes the PDF once, ~a minute)
The .docx is our own official export of tests/synthetic.generate_plan(); the PDF is LibreOffice's
rendering of it. Baselines, measured in the same run and interleaved with the imports (median
of 5 each): python-docx merely opening the .docx, and pdfplumber merely extracting the PDF's text.
Goal (issue 12): import ≤ 2× its baseline, for each source.

`python tests/bench/bench_import.py --docx` measures the Word import alone (no LibreOffice), with
its two halves as reported rows against the same baseline: reading the document into source lines
(editor.importing.docx_reader) and recognising the plan in them (schema.importer.import_lines).
"""
from __future__ import annotations

import os
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
from tests.importing.material import libreoffice  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402

REPEAT = 5


def _open_docx(path: Path) -> None:
    from docx import Document

    Document(str(path))


def _extract_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _interleaved(pairs: dict[str, tuple]) -> dict[str, tuple[float, float]]:
    """name → (median seconds of the import, median of its baseline), the runs taken in turn."""
    times = {name: ([], []) for name in pairs}
    for _ in range(REPEAT):
        for name, (work, baseline) in pairs.items():
            for fn, bucket in ((work, times[name][0]), (baseline, times[name][1])):
                start = time.perf_counter()
                fn()
                bucket.append(time.perf_counter() - start)
    return {name: (statistics.median(a), statistics.median(b)) for name, (a, b) in times.items()}


def _halves(docx: Path) -> dict[str, tuple]:
    """The Word import's two halves, each timed against the same baseline (gc off, as import_file runs)."""
    import gc

    from editor.importing.docx_reader import read_docx
    from schema.importer import import_lines

    lines = read_docx(docx).lines

    def without_gc(work):
        def run():
            gc.disable()
            try:
                work()
            finally:
                gc.enable()
        return run

    recognise = lambda: import_lines(lines, source_name=docx.name, join=False, bracket_width_known=True)  # noqa: E731
    return {"  read": (without_gc(lambda: read_docx(docx)), lambda: _open_docx(docx)),
            "  recognise": (without_gc(recognise), lambda: _open_docx(docx))}


def main() -> None:
    docx_only = "--docx" in sys.argv[1:]
    plan = generate_plan()
    nodes = sum(1 for _ in walk(plan.draft.content))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = write_official_docx(plan, None, folder / "big.docx")
        check = import_file(docx).plan.draft.content
        assert sum(1 for _ in walk(check)) == nodes, "the benchmark's import lost nodes"
        pairs = {".docx": (lambda: import_file(docx), lambda: _open_docx(docx))}
        if docx_only:
            pairs |= _halves(docx)
        else:
            pdf = libreoffice([docx], "pdf", folder / "pdf", folder / "lo")[0]
            pairs[".pdf"] = (lambda: import_file(pdf), lambda: _extract_pdf(pdf))
        results = _interleaved(pairs)
    print(f"import of a {nodes:,}-node plan (median of {REPEAT}, interleaved)")
    print(f"{'source':12} {'import s':>9} {'baseline s':>11} {'ratio':>6}  baseline")
    for name, (work, base) in results.items():
        what = "pdfplumber extracting its text" if name == ".pdf" else "python-docx opening it"
        goal = "(goal ≤ 2.00)" if not name.startswith(" ") else "(reported)"
        print(f"{name:12} {work:9.2f} {base:11.2f} {work / base:6.2f}  {what}   {goal}")


if __name__ == "__main__":
    main()
