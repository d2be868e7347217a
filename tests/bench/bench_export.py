"""Benchmark: the Word export and the framework chart, as ratios to baselines of the same run.

Run by hand: python tests/bench/bench_export.py   (needs the `bench` extra: pypandoc-binary)
Goals (issue 5): the Word export of the ~5,000-node generated plan takes no longer than pandoc's
own Markdown→docx conversion of the same text (ratio ≤ 1.0); the chart of 28 strategies (the
Kaohsiung sample) ≤ 0.2 s and of 1,000 strategies ≤ 2 s (layout, painting and the PNG file).
The chart's baseline is drawing the same labels with bare QPainter.drawText calls, no layout.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from editor.export.chart_layout import layout_chart, make_fonts  # noqa: E402
from editor.export.chart_paint import png_bytes, render_image, svg_bytes, write_chart  # noqa: E402
from editor.export.fonts import choose_chart_family, ensure_gui_application  # noqa: E402
from editor.export.official_docx import write_official_docx  # noqa: E402
from schema.fileio import load_plan  # noqa: E402
from schema.numbering import all_numbers  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import timing  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def best_of(fn, repeat: int = 3) -> float:
    return timing.best_of(fn, repeat)

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


def main() -> None:
    import pypandoc

    ensure_gui_application()
    choose_chart_family()
    plan = generate_plan(20, 50, 4)
    nodes = sum(1 for _ in walk(plan.draft.content))
    sample = load_plan(ROOT / "samples" / "kaohsiung-108-111.plan.json")
    markdown = markdown_of(plan)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pandoc = best_of(lambda: pypandoc.convert_text(markdown, "docx", format="markdown", outputfile=str(tmp / "pandoc.docx")))
        ours = best_of(lambda: write_official_docx(plan, None, tmp / "ours.docx"))
        small = best_of(lambda: write_chart(sample, None, tmp / "small.png"), 5)
        small_paint = best_of(lambda: render_image(layout_chart(sample)), 5)
        small_layout = layout_chart(sample)
        small_size = render_image(small_layout).size()
        small_base = best_of(lambda: bare_text(small_layout, small_size), 5)
        big = best_of(lambda: write_chart(plan, None, tmp / "big.png"))
        big_paint = best_of(lambda: render_image(layout_chart(plan)))
        big_layout = layout_chart(plan)
        big_size = render_image(big_layout).size()
        big_base = best_of(lambda: bare_text(big_layout, big_size))
        big_layout_only = best_of(lambda: layout_chart(plan))
        big_svg = best_of(lambda: svg_bytes(layout_chart(plan)))
        strategies = sum(len(a.strategies) for a in plan.draft.content.focus.focus_areas)
    print(f"plan: {nodes} nodes, {len(markdown):,} characters of Markdown; pandoc {pypandoc.get_pandoc_version()}")
    print(f"pandoc Markdown→docx baseline: {pandoc:.2f} s")
    print(f"write_official_docx (chart page included): {ours:.2f} s = {ours / pandoc:.2f} × pandoc (goal ≤ 1.0)")
    print(f"chart of 28 strategies, layout + painting at 300 dpi: {small_paint:.3f} s = {small_paint / small_base:.2f} × the bare-text→PNG baseline; "
          f"{small_paint / 0.2:.2f} of the 0.2 s budget")
    print(f"chart of {strategies} strategies, layout + painting: {big_paint:.2f} s = {big_paint / big_base:.2f} × the bare-text→PNG baseline; "
          f"{big_paint / 2.0:.2f} of the 2 s budget")
    print(f"chart of 28 strategies → PNG file: {small:.3f} s = {small / small_base:.2f} × bare drawText baseline ({small_base:.3f} s); "
          f"{small / 0.2:.2f} of the 0.2 s budget (goal ≤ 1)")
    print(f"chart of {strategies} strategies → PNG: {big:.2f} s = {big / big_base:.2f} × bare drawText baseline ({big_base:.2f} s); "
          f"{big / 2.0:.2f} of the 2 s budget (goal ≤ 1); layout alone {big_layout_only:.2f} s, as SVG {big_svg:.2f} s")


if __name__ == "__main__":
    main()
