"""Helpers of the tests of File ▸ 分送局處… and 合併同仁版本…: a plan with lead agencies, menu keys, and a
hand that answers blocking message boxes with real key presses from a timer (so no test can hang)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.editor.ui_support import ModalPoller
from tests.schema.plans import agency_plan  # noqa: F401 - the tests of handing out import it from here

ALT = Qt.KeyboardModifier.AltModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard"  # QTest would abort the whole run
    QTest.keyClick(target, key, modifier)
    qtbot.wait(5)


def focus_tree(qtbot, window) -> None:
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)


def file_command(qtbot, window, letter) -> None:
    """Alt+F, then the command's access key, pressed where the keyboard is."""
    focus_tree(qtbot, window)
    key(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: window.menus["file"].isVisible())
    key(qtbot, letter)


def choose_files(monkeypatch, *paths) -> list[tuple]:
    """QFileDialog.getOpenFileName answers with ``paths`` in turn; returns the calls' (title, …) arguments."""
    answers, calls = [str(p) for p in paths], []

    def answer(parent, title="", directory="", filters="", *rest, **kwargs):
        calls.append((title, directory))
        return (answers.pop(0) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return calls


class KeyAnswerer(ModalPoller):
    """Answers each blocking QMessageBox that opens by pressing ``keys[i]`` where the keyboard is, from a
    timer; records the boxes' texts and details. A box beyond the expected ones is closed with Escape
    and reported, so that a test fails instead of hanging. The merge's summary, which does not block
    (``open()``), is left to the test."""

    def __init__(self, *keys, ignore=("mergeSummary",)):
        self.keys = list(keys)
        self.ignore = set(ignore)
        self.texts: list[str] = []
        self.details: list[str] = []
        self.unexpected: list[str] = []
        super().__init__()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or box.property("answered") or box.objectName() in self.ignore:
            return
        box.setProperty("answered", True)
        self.texts.append(box.text())
        self.details.append(box.informativeText())
        if not self.keys:
            self.unexpected.append(box.text())
        pressed = self.keys.pop(0) if self.keys else Qt.Key.Key_Escape
        QTimer.singleShot(0, lambda: self._press(box, pressed))

    @staticmethod
    def _press(box, pressed) -> None:
        target = QApplication.focusWidget()
        if target is None or not box.isAncestorOf(target):
            target = box
        QTest.keyClick(target, pressed)
