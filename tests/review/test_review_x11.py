"""The review keys as the X server delivers them: the real window under Xvfb on the xcb platform,
driven by xdotool (``x11_review_driver.py``): the Menu key and Shift+F10 open the comparison's
change-list menu, R in it rejects; Ctrl with Return or with the keypad's Enter accepts in Review mode."""
from __future__ import annotations

from schema.fileio import load_plan
from tests.editor.x11_support import run_x11_driver
from tests.paths import DEMO

METRO = "82e2ccce2507"
MENU = ["到此項目(&G)", "接受：保留此修正(&A)", "拒絕：還原為舊版(&R)", "在審閱檢視中查看(&V)", "匯出修正對照表(&T)…", "匯出追蹤修訂文件(&K)…"]


def test_under_x11_the_menu_key_opens_the_change_menu_and_ctrl_enter_accepts(tmp_path):
    results = run_x11_driver("tests.review.x11_review_driver", tmp_path, "keys.json")
    base_title = next(s for a in load_plan(DEMO).revisions[-1].content.focus.focus_areas for s in a.strategies if s.id == METRO).title
    assert results == {
        "menu_key_menu": MENU, "menu_key_title": base_title, "menu_key_popup_left_open": False,  # one menu, at the current row
        "shift_f10_menu": MENU, "shift_f10_title": base_title, "shift_f10_popup_left_open": False,
        "ctrl_return_kept": True, "ctrl_keypad_enter_kept": True,
        "warnings": [],
    }
