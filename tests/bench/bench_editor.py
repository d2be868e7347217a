"""Benchmark: the editor on a generated ~5,000-node plan, as ratios to plain Qt measured in the same run.

Run by hand: python tests/bench/bench_editor.py
Goals (issue 3):
- process start → a painted window showing the plan ≤ 1.5 × a plain QStandardItemModel + QTreeView
  showing the same titles (each a fresh process, same expansion: sections and focus areas open);
- one edit and its undo ≤ 5 ms each (with the views' update), without any model reset.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from schema.fileio import save_plan  # noqa: E402
from schema.synthetic import generate_plan  # noqa: E402
from schema.tree import walk  # noqa: E402

# Each child prints "painted" on the first paint of the tree's viewport showing the plan, then exits.
OURS = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from editor.ui.app import create_application
app = create_application()
from editor.ui.main_window import MainWindow
window = MainWindow(settings=QSettings(sys.argv[2], QSettings.Format.IniFormat), journal_dir=Path(sys.argv[3]))
window.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.session.path is not None:
            print("painted", flush=True)
            sys.exit(0)
        return False
watcher = Painted()
window.tree.viewport().installEventFilter(watcher)
window.open_file(sys.argv[1])
window.show()
app.exec()
"""

BASELINE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView
app = QApplication(sys.argv[:1])
data = json.load(open(sys.argv[1], encoding="utf-8"))
KIDS = {"preface": "paragraphs", "goals_section": "goals", "focus_section": "focus_areas", "closing": "paragraphs",
        "focus_area": "strategies", "strategy": "actions", "action": "actions"}
def item(node):
    it = QStandardItem(node.get("title", node.get("text", "")))
    for child in node.get(KIDS.get(node["kind"], ""), []):
        it.appendRow(item(child))
    return it
model = QStandardItemModel()
content = data["draft"]["content"]
for name in ("preface", "goals", "focus", "closing"):
    model.appendRow(item(content[name]))
view = QTreeView()
view.setHeaderHidden(True)
view.setUniformRowHeights(True)
view.setModel(model)
view.expandToDepth(int(sys.argv[2]))  # as the editor opens this plan (see MainWindow.expand_default)
for row in (0, 3):  # preface and closing closed
    view.collapse(model.index(row, 0))
view.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            sys.exit(0)
        return False
watcher = Painted()
view.viewport().installEventFilter(watcher)
view.show()
app.exec()
"""


def start_to_paint(script: str, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    elapsed = time.perf_counter() - start
    if "painted" not in out.stdout:
        raise SystemExit(f"the child did not paint: {out.stderr[-2000:]}")
    return elapsed


def bench_start(plan_path: Path, tmp: Path, strategies: int, rounds: int = 5) -> None:
    from editor.ui.main_window import OPEN_STRATEGIES_LIMIT

    depth = 1 if strategies <= OPEN_STRATEGIES_LIMIT else 0
    ours, base = [], []
    for i in range(rounds):  # interleaved, so that both see the same machine load
        base.append(start_to_paint(BASELINE, str(plan_path), str(depth)))
        ours.append(start_to_paint(OURS, str(plan_path), str(tmp / f"s{i}.ini"), str(tmp / f"recovery{i}")))
    o, b = statistics.median(ours), statistics.median(base)
    print(f"start → painted window (tree expanded to depth {depth}): editor {o * 1000:.0f} ms, plain QStandardItemModel+QTreeView {b * 1000:.0f} ms "
          f"(medians of {rounds}): ratio {o / b:.2f} (goal ≤ 1.5)")


def bench_edits(plan_path: Path, tmp: Path, repeat: int = 30) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    QStandardPaths.setTestModeEnabled(True)
    from editor.ui.app import create_application

    app = create_application()
    from editor.ui.main_window import MainWindow

    window = MainWindow(settings=QSettings(str(tmp / "edit.ini"), QSettings.Format.IniFormat), journal_dir=tmp / "edit-recovery")
    window.resize(1280, 800)
    window.open_file(str(plan_path))
    window.show()
    app.processEvents()
    resets = []
    window.model.modelReset.connect(lambda: resets.append(1))
    doc = window.session.document
    area = doc.content.focus.focus_areas[10]
    strategy = area.strategies[25]
    window.tree.select_node(strategy.id)
    app.processEvents()
    stack = window.session.undo_stack

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        app.processEvents()  # the views' update is part of the edit
        return time.perf_counter() - start

    results: dict[str, tuple[list[float], list[float]]] = {}

    def measure(name, edit):
        name = f"[{state}] {name}"
        edits, undos = [], []
        for i in range(repeat):
            window.tree.select_node(strategy.id)
            app.processEvents()
            edits.append(timed(lambda: edit(i)))
            undos.append(timed(stack.undo))
        results[name] = (edits, undos)

    window.tree_editor._confirm = lambda title, text: True  # the deletion question is not what is measured
    for state in ("as opened: its focus area open", "all 1,000 strategies in view"):
        if state.startswith("all"):
            window.tree.expandToDepth(1)
            app.processEvents()
        measure("rename in the tree", lambda i: window.model.setData(window.model.index_for_id(strategy.id), f"新名稱{i}"))
        measure("type in the detail pane", lambda i: window.detail.fields["body"].setPlainText(f"內容{i}"))
        measure("move down (Alt+Down)", lambda i: window.tree_editor.move_down())
        measure("add sibling (Enter)", lambda i: (window.tree_editor.add_sibling(), window.tree.closePersistentEditor(window.tree.currentIndex())))
        measure("delete a subtree (Delete)", lambda i: window.tree_editor.delete())

    # Baseline: the same kind of edit on a plain QStandardItemModel of the same plan, in a QTreeView.
    model = QStandardItemModel()
    parents = {}
    for node, parent in walk(doc.content):
        item = QStandardItem(getattr(node, "title", getattr(node, "text", "")))
        parents[node.id] = item
        (parents[parent.id] if parent is not None else model.invisibleRootItem()).appendRow(item)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.expandToDepth(1)  # the heavier case: every strategy in view
    view.show()
    app.processEvents()
    target = parents[strategy.id]
    base = [timed(lambda i=i: target.setText(f"新名稱{i}")) for i in range(repeat)]
    base_move = []
    area_item = parents[area.id]
    for _ in range(repeat):
        row = target.row()
        base_move.append(timed(lambda: area_item.insertRow(row + 1, area_item.takeRow(row))))
        area_item.insertRow(row, area_item.takeRow(row + 1))
    baseline = statistics.median(base)
    baseline_move = statistics.median(base_move)
    print(f"plain QStandardItem.setText: {baseline * 1000:.3f} ms; take/insert row: {baseline_move * 1000:.3f} ms (medians)")
    for name, (edits, undos) in results.items():
        e, u = statistics.median(edits), statistics.median(undos)
        ref = baseline if "rename" in name or "type" in name else baseline_move
        print(f"{name}: edit {e * 1000:.2f} ms (max {max(edits) * 1000:.2f}), undo {u * 1000:.2f} ms (max {max(undos) * 1000:.2f})"
              f" — ratio to plain Qt {e / ref:.1f} / {u / ref:.1f}; goal ≤ 5 ms {'met' if max(e, u) <= 0.005 else 'MISSED'}")
    assert resets == [], "an edit reset the model"
    print("model resets during all edits and undos: 0")
    window.maybe_save = lambda: True
    window.close()


def main() -> None:
    plan = generate_plan()
    nodes = sum(1 for _ in walk(plan.draft.content))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        plan_path = tmp / "big.plan.json"
        save_plan(plan, plan_path)
        print(f"generated plan: {nodes} nodes, {plan_path.stat().st_size / 1e6:.1f} MB")
        strategies = sum(len(a.strategies) for a in plan.draft.content.focus.focus_areas)
        bench_start(plan_path, tmp, strategies)
        bench_edits(plan_path, tmp)


if __name__ == "__main__":
    main()
