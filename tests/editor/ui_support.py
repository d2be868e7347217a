"""Shared helpers of the window tests: a window on a small plan with throw-away settings, real input-method
events for Chinese, and a hand that answers the next message boxes by clicking their buttons."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Self

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from editor.ui.main_window import MainWindow
from editor.ui.session.session import EditSession
from editor.ui.tree.model import NODE_ID_ROLE
from schema.fileio import save_plan
from schema.model import Period, PlanDocument, Revision
from tests.schema.plans import small_content

# Never the real user's settings or recovery folder, whatever a test does.
QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=False)
def isolated_settings(tmp_path, monkeypatch):
    """Default QSettings() under tmp_path, with a test organisation name."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
    old_org = QCoreApplication.organizationName()
    QCoreApplication.setOrganizationName("plan-editor-tests")
    yield tmp_path / "user-settings"
    QCoreApplication.setOrganizationName(old_org)


def small_plan() -> PlanDocument:
    return PlanDocument(title="測試計畫", organisation="測試市政府", period=Period(start=108, end=111),
                        draft=Revision(content=small_content()))


def write_plan(path: Path, plan: PlanDocument | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    save_plan(plan or small_plan(), path)
    return path


def make_window(qtbot, tmp_path: Path, *, path: Path | None = None, session: EditSession | None = None) -> MainWindow:
    """A shown window on the small plan (opened from ``path`` when given), with settings in tmp_path."""
    journal_dir = tmp_path / "recovery"
    if session is None:
        session = EditSession.open(path, journal_dir=journal_dir) if path else EditSession(small_plan(), None, journal_dir=journal_dir)
        if path:
            session.acquire_lock()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, journal_dir=journal_dir)
    # A failing test must not leave the teardown's close waiting on a "save changes?" box.
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "maybe_save", lambda: True))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.docks_built)  # built right after the first paint
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)  # shortcuts need the active window
    return window


def discard_on_close(window: MainWindow) -> None:
    """Let a test's window close without asking (its changes are throw-away)."""
    window.session.undo_stack.setClean()


def ime_commit(widget, text: str, preedit: str = "ㄊㄨㄟ") -> None:
    """Type ``text`` the way a Chinese input method does: a pre-edit string, then the commit."""
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def visible_texts(view) -> list[str]:
    """The display texts of the rows a user can see (below the view's root, expanded parents only), indented by depth."""
    model = view.model()
    rows: list[str] = []

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append("  " * depth + index.data())
            if view.isExpanded(index):
                visit(index, depth + 1)

    visit(view.rootIndex(), 0)
    return rows


def current_id(window) -> str | None:
    index = window.tree.currentIndex()
    return index.data(NODE_ID_ROLE) if index.isValid() else None


class ModalPoller:
    """Looks at the active modal dialog every 10 ms from a timer, while used as a context manager around the
    code that opens it: a subclass's ``_poll`` answers it (with real clicks or keys), so a test never hangs."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        raise NotImplementedError


class DialogAnswerer(ModalPoller):
    """Click the button labelled ``answers[i]`` on the i-th message box that opens; record each box's
    text, title and informative text (the detail under its headline).

    Use as a context manager around the code that opens the boxes.
    """

    def __init__(self, *answers: str):
        self.answers = list(answers)
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.details: list[str] = []
        super().__init__()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or box.property("answered"):
            return
        box.setProperty("answered", True)  # on the C++ object: a new box never inherits it
        self.texts.append(box.text())
        self.titles.append(box.windowTitle())
        self.details.append(box.informativeText())
        if not self.answers:
            box.reject()
            raise AssertionError(f"an unexpected dialog: {box.text()}")
        label = self.answers.pop(0)
        for button in box.buttons():
            if button.text() == label:
                button.click()
                return
        box.reject()
        raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")


class LayoutRequests(QObject):
    """An event filter counting the relayouts asked of the widgets it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def scrolled_to(view, node_id: str) -> QModelIndex:
    """The view's index of ``node_id``, its row scrolled into view as the user would scroll to it."""
    index = view.index_for_id(node_id)
    view.scrollTo(index)
    QCoreApplication.processEvents()
    return index


def tooltip_shown(view, node_id: str) -> str:
    """The tooltip a user sees resting the pointer on the row of ``node_id``: a ToolTip help event sent to
    the tree's viewport at the row's centre, as Qt sends one; the text Qt then shows (or "" for none)."""
    QToolTip.hideText()
    index = scrolled_to(view, node_id)
    rect = view.visualRect(index)
    assert rect.isValid(), f"the row of {node_id} is not in view"
    point = rect.center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def mark_painted(view, node_id: str) -> bool:
    """Whether a check mark is painted at the right end of the row of ``node_id``: the viewport as drawn,
    its mark's square holding pixels far from the row's own background (which may be a selection's
    slight gradient) — an icon's colours."""
    index = scrolled_to(view, node_id)
    rect = view.mark_rect(index)
    assert view.viewport().rect().contains(rect), f"the row of {node_id} is not in view"
    image = view.viewport().grab(rect).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    background = Counter(p.rgb() for p in pixels).most_common(1)[0][0]
    back = QColor.fromRgb(background)

    def far(p) -> bool:
        return abs(p.red() - back.red()) + abs(p.green() - back.green()) + abs(p.blue() - back.blue()) > 120

    return sum(far(p) for p in pixels) >= 10
