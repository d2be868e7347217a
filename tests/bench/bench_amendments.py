"""Benchmark of the amendment documents: the 修正對照表 and the tracked-changes document of two
~5,000-node revisions with 5 % of the nodes changed, as ratios to the official Word export of
the newer revision measured in the same run.

    python tests/bench/bench_amendments.py

The plan and the amendment are bench_compare's (20 focus areas × 50 strategies × 4 actions, real
words of the published text; edits, removals, additions, moves across areas, reorders). The
tracked document draws the framework chart twice when its boxes changed (the old picture
deleted, the new inserted), the official export once.
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
from editor.export.chart_layout import clear_layout_caches  # noqa: E402
from editor.export.fonts import ensure_gui_application  # noqa: E402
from editor.export.official_docx import write_official_docx  # noqa: E402
from schema.compare import compare  # noqa: E402
from schema.model import Period, PlanDocument, Revision  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.bench_compare import amend, corpus, generate  # noqa: E402

ROUNDS = 5

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
        # Each call lays its charts out from nothing (clear_layout_caches), as one export process does.
        medians = report.interleaved_calls({
            "official": lambda: (clear_layout_caches(), write_official_docx(plan, new_rev, tmp / "official.docx")),
            "table": lambda: write_amendment_table(comparison, plan, old_rev, plan, new_rev, tmp / "table.docx"),
            "tracked": lambda: (clear_layout_caches(), write_tracked_document(comparison, plan, old_rev, plan, new_rev, tmp / "tracked.docx")),
            # The floor: the tracked document holds both revisions (each item once, its changes marked)
            # and both charts, so its work is about that of the official documents of both.
            "both": lambda: (clear_layout_caches(), write_official_docx(plan, old_rev, tmp / "old.docx"),
                             clear_layout_caches(), write_official_docx(plan, new_rev, tmp / "official.docx")),
        }, ROUNDS)
        official, table, tracked, both = medians["official"], medians["table"], medians["tracked"], medians["both"]
        sizes = {name: (tmp / f"{name}.docx").stat().st_size / 1e6 for name in ("official", "table", "tracked")}
    print(f"plan: {total} nodes, {len(comparison.changes)} changes {comparison.counts}; medians of {ROUNDS} interleaved runs")
    print(f"baseline  official Word export of the newer revision  {official:6.2f} s  ({sizes['official']:.1f} MB)")
    print(f"修正對照表 (one row per change)                      {table:6.2f} s  = {table / official:5.2f} × official  ({sizes['table']:.1f} MB)")
    print(f"tracked-changes document (both charts)              {tracked:6.2f} s  = {tracked / official:5.2f} × official  ({sizes['tracked']:.1f} MB)")
    base = "official .docx of the newer revision, in process"
    report.emit(report.Row("tracked-changes .docx, 5k pair (both charts), in process", tracked, official, goal_ratio=1.0, baseline_name=base))
    print(f"floor: official documents of both revisions             {both:6.2f} s  = {both / official:5.2f} × official")
    report.emit(report.Row("floor: official .docx of both revisions (what the tracked document holds), in process", both, official,
                           baseline_name=base))
    report.emit(report.Row("修正對照表 .docx, 5k pair, in process", table, official, baseline_name=base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
