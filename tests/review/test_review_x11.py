"""The review keys as the X server delivers them: the real window under Xvfb on the xcb platform,
driven by xdotool (``x11_review_driver.py``): the Menu key and Shift+F10 open the comparison's
change-list menu, R in it rejects; Ctrl with Return or with the keypad's Enter accepts in Review mode."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from schema.fileio import load_plan
from tests.paths import DEMO

ROOT = Path(__file__).resolve().parents[2]
METRO = "82e2ccce2507"
MENU = ["到此項目(&G)", "接受：保留此修正(&A)", "拒絕：還原為舊版(&R)", "在審閱檢視中查看(&V)", "匯出修正對照表(&T)…", "匯出追蹤修訂文件(&K)…"]


def test_under_x11_the_menu_key_opens_the_change_menu_and_ctrl_enter_accepts(tmp_path):
    missing = [tool for tool in ("xvfb-run", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"{missing} not installed: run scripts/setup.sh test"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "xcb"
    out = tmp_path / "keys.json"
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.review.x11_review_driver", str(out), str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.exists(), run.stdout + run.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    base_title = next(s for a in load_plan(DEMO).revisions[-1].content.focus.focus_areas for s in a.strategies if s.id == METRO).title
    assert results == {
        "menu_key_menu": MENU, "menu_key_title": base_title, "menu_key_popup_left_open": False,  # one menu, at the current row
        "shift_f10_menu": MENU, "shift_f10_title": base_title, "shift_f10_popup_left_open": False,
        "ctrl_return_kept": True, "ctrl_keypad_enter_kept": True,
        "warnings": [],
    }
