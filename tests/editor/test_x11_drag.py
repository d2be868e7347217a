"""A strategy dragged with the mouse over 施政目標, as the X server delivers it (real window under Xvfb,
xdotool's mouse; Qt's offscreen platform has no drag and drop): no drop indicator over the goals (before,
the last accepted place's indicator stayed, on another row), the status bar says why in Chinese, and
letting go there moves nothing; over a strategy's top edge the indicator is above that strategy."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_under_x11_a_strategy_over_the_goals_shows_no_indicator_and_says_why(tmp_path):
    missing = [tool for tool in ("xvfb-run", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"{missing} not installed: run scripts/setup.sh test"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "xcb"
    out = tmp_path / "drag.json"
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.editor.x11_keys_driver", str(out), str(tmp_path), "drag"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.exists(), run.stdout + run.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["drag"] == [
        ["s1 top", True, "AboveItem", ""],
        ["g2", False, None, "施政目標之下不能放推動策略"],
        ["g1", False, None, "施政目標之下不能放推動策略"],
    ]
    assert results["after_drop"] == [["s1", "s2"], ["s3"]] and results["undo_count"] == 0
    assert results["indicator_after"] is True
