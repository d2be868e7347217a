"""Benchmark of the amendment documents: the 修正對照表 and the tracked-changes document of two
~5,000-node revisions with 5 % of the nodes changed, as ratios to the official Word export of
the newer revision measured in the same run.

    python tests/bench/bench_amendments.py

The plan and the amendment are bench_compare's (20 focus areas × 50 strategies × 4 actions, real
words of the published text; edits, removals, additions, moves across areas, reorders). The
tracked document draws the framework chart twice when its boxes changed (the old picture
deleted, the new inserted), the official export once.

Two floors, measured interleaved in the same run: the official documents of both revisions (what
the tracked document holds), and the tighter one, the official document of the newer revision
plus the older revision's chart picture (laid out, painted and encoded at the size the document
shows it): the least a tracked document whose chart changed must do. Each is timed as wall time
and as process CPU time (the loaded machine stretches wall time while a process waits for a core).
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.export.amendments import write_amendment_table, write_tracked_document  # noqa: E402
from editor.export.chart_layout import clear_layout_caches, layout_chart  # noqa: E402
from editor.export.chart_picture import landscape_chart_room, render_picture  # noqa: E402
from editor.export.fonts import ensure_gui_application  # noqa: E402
from editor.export.official_docx import write_official_docx  # noqa: E402
from schema.compare import compare  # noqa: E402
from schema.model import Period, PlanDocument, Revision  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.bench_compare import amend, corpus, generate  # noqa: E402

ROUNDS = 7  # the loaded machine scatters the largest document most: more rounds steady its median

def main() -> int:
    ensure_gui_application()
    rng = random.Random(2020)
    words = corpus()
    old = generate(rng, words)
    new = old.model_copy(deep=True)
    total = amend(new, rng, words)
    plan = PlanDocument(title="基準市政府108至111年度中程施政計畫", period=Period(start=108, end=111),
                        revisions=[Revision(label="108年原版", content=old)], draft=Revision(label="109年修正版", content=new))
    old_rev, new_rev = plan.revisions[0], plan.draft
    comparison = compare(old, new)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)

        def newer_and_older_chart() -> None:
            clear_layout_caches()
            write_official_docx(plan, new_rev, tmp / "official.docx")
            # The older chart as the document shows it; its layout shares the line breaks, as the tracked document's.
            render_picture(layout_chart(plan, old_rev), landscape_chart_room())

        # Each call lays its charts out from nothing (clear_layout_caches), as one export process does.
        wall, cpu = report.interleaved_wall_and_cpu({
            "official": lambda: (clear_layout_caches(), write_official_docx(plan, new_rev, tmp / "official.docx")),
            "table": lambda: write_amendment_table(comparison, plan, old_rev, plan, new_rev, tmp / "table.docx"),
            "tracked": lambda: (clear_layout_caches(), write_tracked_document(comparison, plan, old_rev, plan, new_rev, tmp / "tracked.docx")),
            "newer+chart": newer_and_older_chart,
            # The tracked document holds both revisions (each item once, its changes marked) and
            # both charts, so its work is at most that of the official documents of both.
            "both": lambda: (clear_layout_caches(), write_official_docx(plan, old_rev, tmp / "old.docx"),
                             clear_layout_caches(), write_official_docx(plan, new_rev, tmp / "official.docx")),
        }, ROUNDS)
        sizes = {name: (tmp / f"{name}.docx").stat().st_size / 1e6 for name in ("official", "table", "tracked")}
    official, table, tracked = wall["official"], wall["table"], wall["tracked"]
    print(f"plan: {total} nodes, {len(comparison.changes)} changes {comparison.counts}; medians of {ROUNDS} interleaved runs")
    print(f"baseline  official Word export of the newer revision  {official:6.2f} s  ({sizes['official']:.1f} MB)")
    print(f"修正對照表 (one row per change)                      {table:6.2f} s  = {table / official:5.2f} × official  ({sizes['table']:.1f} MB)")
    print(f"tracked-changes document (both charts)              {tracked:6.2f} s  = {tracked / official:5.2f} × official  ({sizes['tracked']:.1f} MB)")
    for name, what in (("newer+chart", "the newer revision's document + the older chart"), ("both", "official documents of both revisions")):
        print(f"floor: {what:48s} {wall[name]:6.2f} s  = {wall[name] / official:5.2f} × official;"
              f" tracked = {tracked / wall[name]:4.2f} × this floor (CPU time {cpu['tracked'] / cpu[name]:4.2f} ×)")
    base = "official .docx of the newer revision, in process"
    cpu_base = "official .docx of the newer revision, CPU time"
    report.emit(report.Row("tracked-changes .docx, 5k pair (both charts), in process", tracked, official, goal_ratio=1.0, baseline_name=base))
    report.emit(report.Row("CPU time: tracked-changes .docx, 5k pair (both charts)", cpu["tracked"], cpu["official"], baseline_name=cpu_base))
    report.emit(report.Row("floor: official .docx of the newer revision + the older revision's chart picture, in process",
                           wall["newer+chart"], official, baseline_name=base))
    report.emit(report.Row("CPU time: floor: the newer revision's .docx + the older chart picture", cpu["newer+chart"], cpu["official"],
                           baseline_name=cpu_base))
    report.emit(report.Row("floor: official .docx of both revisions (what the tracked document holds), in process", wall["both"], official,
                           baseline_name=base))
    report.emit(report.Row("修正對照表 .docx, 5k pair, in process", table, official, baseline_name=base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
