"""The dialog of File ▸ 分送局處… (hand out): which part of the plan a bureau (局處) gets, and where it is saved.

A part is either one lead agency's (主辦機關) strategies, with the focus areas holding them, or whole
focus areas (施政重點) ticked in a list; ``schema.part`` cuts it and ``editor.commands.part.write_part``
saves it, exactly as ``plan-editor part`` does. The dialog is shown with ``open()`` (window-modal,
not blocking) and does the writing itself when 分送 is pressed: a part that cannot be written says
why in one sentence inside the dialog, which stays open, and nothing is written.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui.files.export_menu import safe_file_name
from editor.ui.i18n import fill, translate
from schema.model import PlanDocument
from schema.numbering import number_at

PLAN_SUFFIX = ".plan.json"

# The part chosen: (focus area numbers, 1 for 一、, or None; the lead agency or None).
Choice = tuple[list[int] | None, str | None]
Writer = Callable[[Choice, Path], str | None]  # writes the part; the sentence shown when it cannot


def lead_agencies(plan: PlanDocument) -> list[tuple[str, int]]:
    """Each lead agency (主辦機關) of the draft's strategies, in the plan's order, with its number of strategies."""
    counts: dict[str, int] = {}
    for area in plan.draft.content.focus.focus_areas:
        for strategy in area.strategies:
            for agency in {a.strip() for a in strategy.lead_agencies if a.strip()}:
                counts[agency] = counts.get(agency, 0) + 1
    return list(counts.items())


class HandOutDialog(QDialog):
    """Choose a part (a lead agency, or focus areas) and a file; 分送 writes it through ``writer``."""

    def __init__(self, plan: PlanDocument, plan_path: Path | None, writer: Writer, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handOutDialog")
        self.setWindowTitle(translate("hand_out", "分送局處"))
        self._writer = writer
        self._plan_title = plan.title
        self._folder = plan_path.parent if plan_path is not None else Path.home()
        self._stem = plan_path.name[: -len(PLAN_SUFFIX)] if plan_path and plan_path.name.endswith(PLAN_SUFFIX) else (
            plan_path.stem if plan_path else safe_file_name(plan.title))
        self._path_typed = False  # the user's own path is kept when the choice changes
        self.written: Path | None = None

        intro = QLabel(translate("hand_out", "把計畫的一部分存成另一個計畫檔，交給局處編輯；"
                                             "收回後以「檔案 ▸ 合併同仁版本」併回，只有這一部分會改變。"))
        intro.setWordWrap(True)
        self.by_agency = QRadioButton(translate("hand_out", "依主辦機關(&A)"))
        self.agency = QComboBox()
        self.agency.setObjectName("handOutAgency")
        for agency, count in lead_agencies(plan):
            self.agency.addItem(fill(translate("hand_out", "%1（%2 項推動策略）"), agency, count), agency)
        self.by_focus = QRadioButton(translate("hand_out", "依施政重點(&F)"))
        self.focus_list = QListWidget()
        self.focus_list.setObjectName("handOutFocusAreas")
        content = plan.draft.content
        for index, area in enumerate(content.focus.focus_areas):
            item = QListWidgetItem(number_at("focus_area", index, "focus_section", plan.numbering_style) + area.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, index + 1)
            self.focus_list.addItem(item)
        modes = QButtonGroup(self)
        modes.addButton(self.by_agency)
        modes.addButton(self.by_focus)

        path_label = QLabel(translate("hand_out", "存到(&S)："))
        self.path = QLineEdit()
        self.path.setObjectName("handOutPath")
        path_label.setBuddy(self.path)
        browse = QPushButton(translate("hand_out", "瀏覽(&B)…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setObjectName("handOutError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(translate("hand_out", "分送"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.addButton(translate("hand_out", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(self.by_agency, 0, 0)
        grid.addWidget(self.agency, 0, 1)
        grid.addWidget(self.by_focus, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.focus_list, 1, 1)
        where = QHBoxLayout()
        where.addWidget(path_label)
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(where)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 420)

        self.by_agency.toggled.connect(self._mode_changed)
        self.agency.currentIndexChanged.connect(self._suggest_path)
        self.focus_list.itemChanged.connect(self._suggest_path)
        self.path.textEdited.connect(self._typed)
        has_agencies = self.agency.count() > 0
        self.by_agency.setEnabled(has_agencies)
        (self.by_agency if has_agencies else self.by_focus).setChecked(True)
        self._mode_changed()
        (self.agency if has_agencies else self.focus_list).setFocus()

    # --- the choice ------------------------------------------------------------------------------
    def choice(self) -> Choice:
        if self.by_agency.isChecked():
            return None, self.agency.currentData()
        items = [self.focus_list.item(row) for row in range(self.focus_list.count())]
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked], None

    def _mode_changed(self, *_args) -> None:
        agency = self.by_agency.isChecked()
        self.agency.setEnabled(agency)
        self.focus_list.setEnabled(not agency)
        if self.focus_list.currentRow() < 0 and self.focus_list.count():
            self.focus_list.setCurrentRow(0)
        self._suggest_path()

    def _suggest_path(self, *_args) -> None:
        """Beside the plan: 「計畫-經發局.plan.json」 or 「計畫-施政重點1,3.plan.json」, until the user types a path."""
        if self._path_typed:
            return
        focus, agency = self.choice()
        if agency:
            part = agency
        else:
            part = fill(translate("hand_out", "施政重點%1"), ",".join(map(str, focus or [])))
        self.path.setText(str(self._folder / safe_file_name(f"{self._stem}-{part}{PLAN_SUFFIX}")))

    def _typed(self, _text: str) -> None:
        self._path_typed = True

    def _browse(self) -> None:
        filters = translate("hand_out", "計畫檔 (*.plan.json)")
        path, _ = QFileDialog.getSaveFileName(self, translate("hand_out", "分送的部分存到"), self.path.text(), filters)
        if path:
            self.path.setText(path)
            self._path_typed = True

    # --- writing ---------------------------------------------------------------------------------
    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + PLAN_SUFFIX)
        return path if path.is_absolute() else self._folder / path

    def accept(self) -> None:
        focus, agency = self.choice()
        target = self.target()
        if agency is None and not focus:
            self._show_error(translate("hand_out", "請至少勾選一項施政重點。"))
            return
        if target is None:
            self._show_error(translate("hand_out", "請指定分送的部分要存到哪個檔案。"))
            return
        problem = self._writer((focus, agency), target)
        if problem:
            self._show_error(problem)
            return
        self.written = target
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
