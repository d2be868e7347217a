"""A strategy's links to the plan's goals (施政目標): one checkbox per goal, rebuilt only when the goals change."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from editor.ui.i18n import translate
from schema.model import Goal


def _signature(goals: Sequence[Goal]) -> tuple[tuple[str, str], ...]:
    return tuple((g.id, g.title) for g in goals)


class GoalLinks(QWidget):
    """The checkboxes (``boxes``: goal id → box; "" for the note of a plan without goals)."""

    links_toggled = Signal()  # a box was checked or unchecked by the user (not while the pane loads)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("goalLinks")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self._signature: tuple[tuple[str, str], ...] = ()

    def shows(self, goals: Sequence[Goal]) -> bool:
        """Whether the boxes are those of these goals (ids and titles)."""
        return _signature(goals) == self._signature

    def show_links(self, goals: Sequence[Goal], linked: Sequence[str]) -> bool:
        """Check the linked goals' boxes; True when the boxes had to be made anew (the caller's tab order)."""
        if self.shows(goals) and goals:
            for goal_id, box in self.boxes.items():
                box.setChecked(goal_id in linked)
            return False
        self._signature = _signature(goals)
        for box in self.boxes.values():
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for goal in goals:
            box = QCheckBox(goal.title or translate("tree", "（未命名）"), self)
            box.setChecked(goal.id in linked)
            box.toggled.connect(self.links_toggled)
            self._add(goal.id, box)
        if not goals:
            box = QCheckBox(translate("DetailPane", "（計畫還沒有施政目標）"), self)  # the pane's phrase
            box.setEnabled(False)
            self._add("", box)
        return True

    def _add(self, goal_id: str, box: QCheckBox) -> None:
        self._layout.addWidget(box)
        box.show()
        self.boxes[goal_id] = box

    def checked(self, known: Sequence[str]) -> list[str]:
        """The ids among ``known`` whose box is checked, in that order."""
        return [goal_id for goal_id in known if (box := self.boxes.get(goal_id)) is not None and box.isChecked()]
