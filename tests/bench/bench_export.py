"""Benchmark: the Word export and the framework chart, as ratios to baselines of the same run.

    python tests/bench/bench_export.py [--sizes 1k,5k,20k] [--rounds 5]   (needs the `bench` extra)

Word export, whole process against whole process (issue 17): ``plan-editor export PLAN --docx
OUT`` exactly as a user runs it, against pandoc converting the same text (Markdown with the same
headings, paragraphs and numbered actions) to .docx as a process of its own; interleaved A B A B,
median of ``--rounds``. Also reported: the same command without the chart page (the chart page
replaced by nothing in the same process), to show what the chart costs.
Goal: ≤ 1.0 × pandoc at 1k, 5k and 20k nodes, chart page included.

Chart (in process, against an in-process baseline): layout + painting + PNG bytes of the chart
of 28 strategies (the Kaohsiung sample) ≤ 0.15 s and of 1,000 strategies ≤ 1.0 s. The baseline
draws the same labels with bare QPainter.drawText calls at fixed places, no layout, on an image of
the same size, written as PNG the same way.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from editor.export.chart_layout import clear_layout_caches, layout_chart, make_fonts  # noqa: E402
from editor.export.chart_paint import png_bytes, render_image  # noqa: E402
from editor.export.fonts import choose_chart_family, ensure_gui_application  # noqa: E402
from schema.fileio import load_plan, save_plan  # noqa: E402
from schema.numbering import all_numbers  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402

# Generated plan shapes: focus areas × 50 strategies × 4 actions (about 5 nodes per strategy).
SIZES = {"1k": 4, "5k": 20, "20k": 80}

# The same command with the chart page left out, in the same kind of process (no chart painted
# beside the document either: editor.export.chart_picture).
WITHOUT_CHART = r"""
import sys
from editor.export import chart_picture, official_docx
chart_picture.start_chart_child = lambda: None
official_docx.OfficialWriter.chart_page = lambda self: None
from editor.cli import main
sys.exit(main(sys.argv[1:]))
"""


# The floor: bare python-docx writing the same text (a heading or paragraph per node) and saving it.
BARE_DOCX = r"""
import json, sys
from docx import Document
data = json.load(open(sys.argv[1], encoding="utf-8"))["draft"]["content"]
doc = Document()
KIDS = ("paragraphs", "goals", "focus_areas", "strategies", "actions")
def add(node, level):
    text = node.get("title") or node.get("text") or ""
    if text:
        doc.add_heading(text, min(level, 9)) if "title" in node else doc.add_paragraph(text)
    if node.get("body"):
        doc.add_paragraph(node["body"])
    for key in KIDS:
        for child in node.get(key, []):
            add(child, level + 1)
for section in ("preface", "goals", "focus", "closing"):
    add(data[section], 1)
doc.save(sys.argv[2])
"""


# The floor of the smallest plans: the interpreter importing the modules the export's process runs on
# (pydantic and the models, python-docx; Qt is imported by the child that paints the chart, see
# editor.export.chart_picture), and the same with Qt as well (what one process doing all of it imports).
IMPORTS_ONLY = "import editor.cli, editor.commands.export, editor.export.official_docx"
IMPORTS_WITH_QT = IMPORTS_ONLY + ", editor.export.chart_paint"


def markdown_of(plan) -> str:
    """The same text as the Word export, as Markdown (headings for sections, focus areas, strategies)."""
    content = plan.draft.content
    numbers = all_numbers(content)
    out = [f"# {plan.full_title()}", ""]
    out += [p.text + "\n" for p in content.preface.paragraphs]
    out += ["## 施政目標", ""] + [f"- {g.title}" for g in content.goals.goals] + [""]
    out += [f"## {numbers[content.focus.id]}{content.focus.title}", ""]
    for area in content.focus.focus_areas:
        out += [f"### {numbers[area.id]}{area.title}", ""]
        for s in area.strategies:
            out += [f"#### {numbers[s.id]}{s.title}", ""]
            out += [line + "\n" for line in s.body.split("\n") if line]
            out += [f"{i + 1}. {a.text}" for i, a in enumerate(s.actions)] + [""]
    out += [f"## {numbers[content.closing.id]}{content.closing.title}", ""]
    out += [p.text + "\n" for p in content.closing.paragraphs]
    return "\n".join(out)


def bare_text(layout, size) -> None:
    """Baseline: the chart's labels drawn at fixed places, no layout or boxes, on an image of the
    chart's pixel size, saved as PNG."""
    scale = size.width() / layout.width
    img = QImage(size, QImage.Format.Format_RGB32)
    img.fill(QColor("#ffffff"))
    painter = QPainter(img)
    painter.scale(scale, scale)
    fonts = make_fonts(layout.family)
    painter.setFont(fonts["strategy"])
    for i, text in enumerate(layout.data.labels()):
        painter.drawText(QPointF(10 + (i % 20) * 40, 20 + (i // 20) * 14), text)
    painter.end()
    png_bytes(img)


def chart_png(plan) -> bytes:
    clear_layout_caches()  # each run lays the chart out from nothing, as one export process does
    return png_bytes(render_image(layout_chart(plan)))


def bench_chart(rounds: int) -> None:
    ensure_gui_application()
    choose_chart_family()
    sample = load_plan(ROOT / "samples" / "kaohsiung-108-111.plan.json")
    big = generate_plan(20, 50, 4)
    for name, plan, goal in (("28 strategies (sample)", sample, 0.15), ("1,000 strategies", big, 1.0)):
        layout = layout_chart(plan)
        size = render_image(layout).size()
        chart_png(plan)  # warm: fonts, glyph caches, the segmenter's dictionary
        ours, base, ours_cpu, base_cpu = [], [], [], []
        for _ in range(rounds):  # interleaved A B A B; wall time and the process's CPU time of each run
            for fn, wall, cpu in ((lambda plan=plan: chart_png(plan), ours, ours_cpu),
                                  (lambda layout=layout, size=size: bare_text(layout, size), base, base_cpu)):
                wall_start, cpu_start = time.perf_counter(), time.process_time()
                fn()
                wall.append(time.perf_counter() - wall_start)
                cpu.append(time.process_time() - cpu_start)
        o, b = statistics.median(ours), statistics.median(base)
        oc, bc = statistics.median(ours_cpu), statistics.median(base_cpu)
        print(f"chart PNG, {name}, {size.width()}×{size.height()} px: {o:.3f} s; bare drawText→PNG {b:.3f} s; ratio {o / b:.2f} (goal ≤ {goal} s); "
              f"CPU time {oc:.3f} s and {bc:.3f} s")
        report.emit(report.Row(f"chart PNG in process, {name}", o, b, goal_seconds=goal,
                               baseline_name="bare drawText of the labels → PNG, same pixels"))
        report.emit(report.Row(f"chart PNG in process, {name}, process CPU time (less disturbed by the load)", oc, bc,
                               baseline_name="bare drawText of the labels → PNG, same pixels, CPU time"))


def bench_docx(sizes: list[str], rounds: int) -> None:
    pandoc = pandoc_path()
    env = report.process_env()
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in sizes:
            plan = generate_plan(SIZES[size], 50, 4)
            nodes = sum(1 for _ in walk(plan.draft.content))
            plan_path, markdown_path = tmp / f"{size}.plan.json", tmp / f"{size}.md"
            save_plan(plan, plan_path)
            markdown_path.write_text(markdown_of(plan), encoding="utf-8")
            commands = {
                "pandoc": [pandoc, "-f", "markdown", "-t", "docx", "-o", str(tmp / "pandoc.docx"), str(markdown_path)],
                "ours": [*report.plan_editor(), "export", str(plan_path), "--docx", str(tmp / "ours.docx")],
                "no chart": [sys.executable, "-c", WITHOUT_CHART, "export", str(plan_path), "--docx", str(tmp / "nochart.docx")],
                "bare": [sys.executable, "-c", BARE_DOCX, str(plan_path), str(tmp / "bare.docx")],
            }
            if size == "1k":  # the fixed cost of every export process, whatever the plan's size
                commands["imports"] = [sys.executable, "-c", IMPORTS_ONLY]
                commands["imports with Qt"] = [sys.executable, "-c", IMPORTS_WITH_QT]
            medians = report.interleaved_processes(commands, rounds, env)
            p, o, n = medians["pandoc"], medians["ours"], medians["no chart"]
            print(f"{size} ({nodes} nodes): plan-editor export --docx {o:.2f} s, without the chart page {n:.2f} s, "
                  f"pandoc {p:.2f} s: ratio {o / p:.2f} / {n / p:.2f} (goal ≤ 1.0 with the chart)")
            report.emit(report.Row(f"official .docx, whole process, {size} plan ({nodes} nodes), chart page included", o, p,
                                   goal_ratio=1.0, baseline_name="pandoc markdown→docx process, same text"))
            report.emit(report.Row(f"official .docx, whole process, {size} plan, without the chart page", n, p,
                                   baseline_name="pandoc markdown→docx process, same text"))
            bare = medians["bare"]
            print(f"  floor: bare python-docx writing the same texts, whole process: {bare:.2f} s, ratio {bare / p:.2f}")
            report.emit(report.Row(f"floor: bare python-docx, same texts, whole process, {size} plan", bare, p,
                                   baseline_name="pandoc markdown→docx process, same text"))
            if "imports" in medians:
                for key, what in (("imports", "pydantic and the models, python-docx"),
                                  ("imports with Qt", "pydantic and the models, python-docx, Qt")):
                    imports = medians[key]
                    print(f"  floor: importing {what} only, whole process: {imports:.2f} s, ratio {imports / p:.2f}")
                    report.emit(report.Row(f"floor: importing {what}, "
                                           f"nothing else, whole process (vs the {size} plan's pandoc)", imports, p,
                                           baseline_name="pandoc markdown→docx process, same text"))


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1k,5k,20k")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("chart", "docx"), default=None)
    args = parser.parse_args()
    if args.only != "docx":
        bench_chart(max(args.rounds, 5))
    if args.only != "chart":
        bench_docx([s for s in args.sizes.split(",") if s], args.rounds)


if __name__ == "__main__":
    main()
