"""File ▸ 分送局處… and 合併同仁版本… as the X server delivers the keys: the real window under Xvfb on the xcb
platform, driven by xdotool (``x11_colleagues_driver.py``): Alt+F, H hands a part out, Alt+F, M merges it back,
Return closes the summary, Ctrl+Z takes the merge back."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_under_x11_a_part_is_handed_out_and_merged_back_with_the_keyboard(tmp_path):
    missing = [tool for tool in ("xvfb-run", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"{missing} not installed: run scripts/setup.sh test"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "xcb"
    out = tmp_path / "colleagues.json"
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.editor.x11_colleagues_driver", str(out), str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.exists(), run.stdout + run.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert (results["dialog"], results["dialog_focus"], results["dialog_open"]) == ("HandOutDialog", "QComboBox", False)
    assert results["status_after_hand_out"] == "已把青年局的推動策略分送到「plan-青年局.plan.json」"
    assert results["summary"] == "已合併「plan-青年局.plan.json」：採用對方的修改 1 項，保留這份計畫的修改 0 項，衝突 0 項。"
    assert (results["after_merge"], results["author"]) == ("青年局改的策略", "青年局")
    assert results["summary_closed"] and results["after_undo"] == results["before"]
