"""What the drivers of the real window under Xvfb share (run by tests/editor/x11_support.run_x11_driver):
xdotool's keys and mouse, waiting for the tree to have the keyboard, and writing what was seen then quitting."""
from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def xdotool(*args: str) -> subprocess.Popen:
    """Start xdotool without waiting: the window's event loop keeps running meanwhile, as with a user."""
    return subprocess.Popen(["xdotool", *args])


def when_tree_has_focus(window, then: Callable[[], object]) -> None:
    """``then()`` once the window's tree has the keyboard, asking the X server for the focus every 100 ms."""
    if QApplication.focusWidget() is window.tree:
        then()
    else:
        window.activateWindow()
        window.tree.setFocus()
        xdotool("windowfocus", "--sync", str(int(window.winId())))
        QTimer.singleShot(100, lambda: when_tree_has_focus(window, then))


def write_results_and_quit(app: QApplication, window, out: Path, results: dict) -> None:
    """Write ``results`` as JSON to ``out``, close the window without asking to save, and end the event loop."""
    out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    window.session.undo_stack.setClean()
    window.maybe_save = lambda: True
    window.close()
    app.quit()
