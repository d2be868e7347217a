"""Outline views of the plan tree: open it to one level, or show one focus area alone and come back.

View ▸ 展開至施政重點 (Ctrl+1) shows the sections and their focus areas and goals, closed;
▸ 展開至推動策略 (Ctrl+2) opens the focus areas, so that every strategy (推動策略) is in view, closed;
▸ 全部展開 (Ctrl+3) opens everything down to the sub-actions; ▸ 全部摺疊 closes all but the four
sections. The preface and the closing (理念, 結語: long paragraphs) stay closed below the last level.

A closing that hides the current item (one of these, a click on an ancestor's arrow, Left on an
ancestor) makes its nearest visible ancestor current and selected, as file managers and outliners
do, so the detail pane, Delete and Down act on the row the user sees (:func:`current_to_visible`).

View ▸ 只顯示此施政重點 (Ctrl+Shift+B) shows the focus area (施政重點) of the current item alone:
the tree's root becomes that focus area (``PlanTreeView.show_branch``), a bar above the tree names
it, with the button that shows the whole plan again (the same key). Editing, undo and find go on as
usual; when one of them selects an item outside the branch (F3 to a match elsewhere, Ctrl+Z of an
edit elsewhere, a finding of the checks) the whole plan comes back and the status bar says why.
"""
from __future__ import annotations

import weakref

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from editor.ui.i18n import fill, translate
from editor.ui.text import first_line
from schema.numbering import number_of
from schema.tree import title_of, walk

SECTIONS, FOCUS_AREAS, STRATEGIES, EVERYTHING = 0, 1, 2, 3
# The kinds whose rows are open at each level (EVERYTHING opens every row).
_OPENING: weakref.WeakSet = weakref.WeakSet()  # views being opened to a level (expand_to_level)
_OPEN_KINDS = {
    FOCUS_AREAS: frozenset({"goals_section", "focus_section"}),
    STRATEGIES: frozenset({"goals_section", "focus_section", "focus_area"}),
}


def expand_to_level(view, level: int) -> None:
    """Open the plan tree ``view`` down to ``level`` (SECTIONS, FOCUS_AREAS, STRATEGIES or EVERYTHING)."""
    if level >= EVERYTHING:
        view.expandAll()
        return
    _OPENING.add(view)  # the rows closed on the way are not the end: bring the current one into sight after
    try:
        view.collapseAll()
        model = view.plan_model()
        if model is not None and level in _OPEN_KINDS:
            kinds = _OPEN_KINDS[level]
            for node, _parent in walk(model._doc.content):
                if node.kind in kinds:
                    index = view.index_for_id(node.id)
                    if index.isValid():
                        view.expand(index)
    finally:
        _OPENING.discard(view)
    current_to_visible(view)


def _row_closed(view) -> None:
    if view not in _OPENING:
        current_to_visible(view)


def current_to_visible(view) -> None:
    """When the current row is inside a closed one, make the outermost closed ancestor (the nearest one
    in sight) current and the only selected row; a row in sight stays as it is."""
    index = view.currentIndex()
    if not index.isValid():
        return
    root, target, parent = view.rootIndex(), index, index.parent()
    while parent.isValid() and parent != root:
        if not view.isExpanded(parent):
            target = parent
        parent = parent.parent()
    if target != index:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.selectionModel().setCurrentIndex(target, flags)


class BranchFocus(QObject):
    """Shows the current focus area alone in the window's tree, and the whole plan again."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._view = window.tree
        self.bar = QWidget()
        self.bar.setObjectName("branchBar")
        self.label = QLabel(self.bar)
        self.label.setObjectName("branchLabel")
        self.back_button = QPushButton(translate("outline", "顯示整份計畫"), self.bar)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the key is Ctrl+Shift+B; F6 skips it
        self.back_button.clicked.connect(self.show_whole_plan)
        layout = QHBoxLayout(self.bar)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.back_button)
        self.bar.hide()
        self._model = None
        self._view.branch_left.connect(self._left_for)
        # A row closed by a click or a key; expand_to_level brings the current row into sight once it is done.
        self._view.collapsed.connect(lambda _index: _row_closed(self._view))

    def is_focused(self) -> bool:
        return self._view.root_id is not None

    def attach(self, model) -> None:
        """A new plan's model: the whole plan is shown; watch the focused branch in this model."""
        self._view.root_id = None
        self.bar.hide()
        self._model = model
        model.rowsRemoved.connect(self._check_root)
        model.modelReset.connect(self._check_root)
        model.dataChanged.connect(self._relabel)
        model.rowsMoved.connect(self._relabel)

    def toggle(self) -> None:
        """Ctrl+Shift+B: show the current item's focus area alone, or the whole plan again."""
        if self.is_focused():
            self.show_whole_plan()
        else:
            self.focus_current()

    def focus_current(self) -> bool:
        document = self._window.session.document
        current = self._view.current_node_id()
        node = document.node(current) if current and current in document else None
        area = next((n for n in ([node, *document.ancestors(node)] if node else []) if n.kind == "focus_area"), None)
        if area is None:
            self._window.show_status(translate("outline", "請先選取一個施政重點或其下的項目"))
            return False
        self._view.show_branch(area.id)
        self._relabel()
        self.bar.show()
        if current == area.id and area.strategies:  # the focus area itself is the root, not a row
            self._view.select_node(area.strategies[0].id)
        elif current != area.id:
            self._view.select_node(current)
        self._window.show_status(fill(translate("outline", "只顯示「%1」：按 Ctrl+Shift+B 顯示整份計畫"), self._name(area)))
        return True

    def show_whole_plan(self) -> None:
        if not self.is_focused():
            return
        area = self._view.root_id
        current = self._view.current_node_id() or area
        self._view.show_branch(None)
        self.bar.hide()
        if current:
            self._view.select_node(current)
        self._window.show_status(translate("outline", "顯示整份計畫"))

    # --- keeping the bar true ----------------------------------------------------------------------
    def _name(self, node) -> str:
        document = self._window.session.document
        number = number_of(document, node, self._window.session.plan.numbering_style)
        return f"{number}{first_line(title_of(node))}"

    def _relabel(self, *_args) -> None:
        root = self._view.root_id
        document = self._window.session.document
        if root is not None and root in document:
            self.label.setText(fill(translate("outline", "只顯示：%1"), self._name(document.node(root))))

    def _left_for(self, node_id: str) -> None:
        """The tree had to show the whole plan to select ``node_id`` (outside the branch)."""
        self.bar.hide()
        document = self._window.session.document
        title = self._name(document.node(node_id)) if node_id in document else node_id
        self._window.show_status(fill(translate("outline", "「%1」不在聚焦的施政重點內：已顯示整份計畫"), title))

    def _check_root(self, *_args) -> None:
        root = self._view.root_id
        if root is None:
            return
        if root not in self._window.session.document:  # deleted (or its insertion undone)
            self._view.show_branch(None)
            self.bar.hide()
            self._window.show_status(translate("outline", "聚焦的施政重點已不在計畫中：已顯示整份計畫"))
        elif not self._view.rootIndex().isValid():  # a model reset dropped the root index
            self._view.show_branch(root)
