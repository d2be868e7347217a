"""LazyRefresh: a view of the plan updates only while visible, once per pause, and catches up when shown."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from editor.ui.lazy_refresh import LazyRefresh

DELAY_MS = 1000  # long, so that a loaded machine's late timers cannot end a pause early
STEP_MS = 200


def make(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    runs: list[int] = []

    def update() -> None:
        refresh.done()
        refresh.stale = False
        runs.append(len(runs) + 1)

    refresh = LazyRefresh(widget, update, DELAY_MS)
    return widget, refresh, runs


def test_hidden_it_only_remembers_and_catches_up_once_when_shown(qtbot):
    widget, refresh, runs = make(qtbot)
    for _ in range(3):
        refresh.request()
    qtbot.wait(DELAY_MS + 100)
    assert refresh.stale and runs == []
    widget.show()
    qtbot.waitUntil(lambda: not refresh.stale, timeout=DELAY_MS)  # at once, not after the pause
    assert runs == [1]


def test_a_burst_is_updated_once_after_the_pause_also_after_being_shown(qtbot):
    widget, refresh, runs = make(qtbot)
    widget.show()  # catching up on show must not shorten the pause of the edits that follow
    qtbot.waitUntil(lambda: runs == [1])
    for _ in range(5):
        refresh.request()
        qtbot.wait(STEP_MS)
    assert refresh.stale and runs == [1]  # a second of typing, each keystroke within the pause
    qtbot.wait(STEP_MS)
    assert runs == [1]
    qtbot.waitUntil(lambda: not refresh.stale, timeout=DELAY_MS + 500)
    assert runs == [1, 2]


def test_a_deliberate_choice_is_updated_without_the_pause(qtbot):
    widget, refresh, runs = make(qtbot)
    widget.show()
    qtbot.waitUntil(lambda: runs == [1])
    refresh.request_now()
    qtbot.waitUntil(lambda: runs == [1, 2], timeout=DELAY_MS // 2)
    refresh.request()  # the next edit waits for the pause again
    qtbot.wait(STEP_MS)
    assert runs == [1, 2] and refresh.stale
    qtbot.waitUntil(lambda: runs == [1, 2, 3], timeout=DELAY_MS + 500)
