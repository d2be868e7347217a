"""A strategy dragged with the mouse over 施政目標, as the X server delivers it (real window under Xvfb,
xdotool's mouse; Qt's offscreen platform has no drag and drop): no drop indicator over the goals (before,
the last accepted place's indicator stayed, on another row), the status bar says why in Chinese, and
letting go there moves nothing; over a strategy's top edge the indicator is above that strategy."""
from __future__ import annotations

from tests.editor.x11_support import run_x11_driver


def test_under_x11_a_strategy_over_the_goals_shows_no_indicator_and_says_why(tmp_path):
    results = run_x11_driver("tests.editor.x11_keys_driver", tmp_path, "drag.json", "drag")
    assert results["drag"] == [
        ["s1 top", True, "AboveItem", ""],
        ["g2", False, None, "施政目標章節之下不能放推動策略"],
        ["g1", False, None, "施政目標章節之下不能放推動策略"],
    ]
    assert results["after_drop"] == [["s1", "s2"], ["s3"]] and results["undo_count"] == 0
    assert results["indicator_after"] is True
