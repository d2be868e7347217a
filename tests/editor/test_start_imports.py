"""The editor's start loads only what its first paint needs: the commands that open a dialog or write a
file load their modules when first used (issue 17, the editor-start row of docs/benchmarks.md)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaohsiung-108-111-demo.plan.json"

# Loaded on first use, never at start (each costs the start 5–35 ms of imports).
DEFERRED = (
    "schema.compare",  # the amendment documents' comparison (Preferences only needs a settings key)
    "schema.part", "schema.merge",  # 分送局處… / 合併同仁版本…
    "schema.summary",  # the summary tables' export
    "editor.ui.printing", "PySide6.QtPrintSupport",  # 預覽列印 / 列印
    "editor.ui.files.hand_out_dialog", "editor.ui.preferences",  # the dialogs
    "editor.ui.summary_view", "editor.ui.chart_preview",
    "editor.export.official_docx", "editor.export.chart_paint", "editor.export.amendments",
)

# The window opened as run_editor opens it; the modules loaded when the tree with the plan first paints
# (the docks are built right after that paint, and load the chart and comparison then).
CHILD = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from editor.ui.app import create_application
app = create_application()
from editor.ui.main_window import MainWindow
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.session.path is not None:
            print(json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False
window = MainWindow()
watcher = FirstPaint()
window.tree.viewport().installEventFilter(watcher)
window.show()
window.start(sys.argv[1])
app.exec()
"""


def test_start_does_not_load_the_commands_modules(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", CHILD, str(SAMPLE)], capture_output=True, text=True, env=env,
                         cwd=str(ROOT), timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "editor.ui.main_window" in loaded and "schema.model" in loaded
    assert sorted(loaded.intersection(DEFERRED)) == []


def test_the_models_load_before_pyside6():
    """PySide6's import hook reads the source of each module imported after it: the window's Qt-free
    modules (pydantic and the models) load first, as `python -m editor` starts."""
    child = "import sys, editor.cli, editor.ui.app; print(' '.join(sys.modules))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    order = out.stdout.split()
    assert order.index("pydantic") < order.index("schema.model") < order.index("schema.fileio") < order.index("PySide6")
