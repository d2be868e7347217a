"""File ▸ 分送局處… and 合併同仁版本… as the X server delivers the keys: the real window under Xvfb on the xcb
platform, driven by xdotool (``x11_colleagues_driver.py``): Alt+F, H hands a part out, Alt+F, M merges it back,
Return closes the summary, Ctrl+Z takes the merge back."""
from __future__ import annotations

from tests.editor.x11_support import run_x11_driver


def test_under_x11_a_part_is_handed_out_and_merged_back_with_the_keyboard(tmp_path):
    results = run_x11_driver("tests.editor.x11_colleagues_driver", tmp_path, "colleagues.json")
    assert (results["dialog"], results["dialog_focus"], results["dialog_open"]) == ("HandOutDialog", "QComboBox", False)
    assert results["status_after_hand_out"] == "已把青年局的推動策略分送到「plan-青年局.plan.json」"
    assert results["summary"] == "已合併「plan-青年局.plan.json」：採用對方的修改 1 項，保留這份計畫的修改 0 項，衝突 0 項。"
    assert (results["after_merge"], results["author"]) == ("青年局改的策略", "青年局")
    assert results["summary_closed"] and results["after_undo"] == results["before"]
