"""Benchmark: the comparison view on two ~5,000-node versions with 5 % of the nodes changed.

Run by hand: ``QT_QPA_PLATFORM=offscreen /tmp/venv0/bin/python tests/bench/bench_comparison_view.py``.
The baseline is ``schema.compare.compare`` alone on the same versions in the same run: the
view's own cost (the change list model, the counts, rendering the selected change) is what it
adds on top. Also timed: one ``refresh()`` call (what every edit costs while typing; it only
restarts the debounce timer) as a ratio to the same baseline.
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.ui.comparison.view import ComparisonView  # noqa: E402
from schema.compare import compare  # noqa: E402
from schema.document import Document  # noqa: E402
from schema.operations import SetField  # noqa: E402
from schema.tree import walk  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.bench.timing import median_of  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    return median_of(fn, repeat)

def main() -> None:
    app = QApplication.instance() or QApplication([])
    plan = generate_plan()
    document = Document(plan.draft.content)
    rng = random.Random(1)
    texts = [n for n, _p in walk(plan.draft.content) if n.kind == "action"]
    nodes = sum(1 for _ in walk(plan.draft.content))
    for node in rng.sample(texts, nodes // 20):  # 5 % of the nodes edited
        document.apply(SetField(node.id, "text", node.text[:10] + "修正" + node.text[12:]))
    view = ComparisonView(set_note=lambda _id, _text: None)
    view.set_plan(plan, document)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    old, new = plan.revisions[0].content, plan.draft.content
    baseline = timed(lambda: compare(old, new))
    full = timed(view.update_now)
    refresh = timed(view.refresh, repeat=50)
    print(f"{nodes} nodes, {len(view.comparison.changes)} changes")
    print(f"baseline compare():        {baseline * 1000:8.1f} ms  1.00")
    print(f"view update_now():         {full * 1000:8.1f} ms  {full / baseline:5.2f}")
    print(f"view refresh() per edit:   {refresh * 1000:8.3f} ms  {refresh / baseline:7.4f}")
    base = "schema.compare.compare of the same versions"
    report.emit(report.Row("comparison view, full update, 5k plan, 5 % changed, in process", full, baseline, baseline_name=base))
    report.emit(report.Row("comparison view, refresh per edit (debounced)", refresh, baseline, baseline_name=base))
    view.close()


if __name__ == "__main__":
    main()
