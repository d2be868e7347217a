"""File ▸ 計畫屬性… (plan properties): the plan's title, organisation, period and numbering style.

The dialog only gathers the values; :class:`PlanProperties` applies them as one undo step — a
:class:`schema.operations.SetPlanProperties` and, when the period shrinks or moves, the SetField
operations that drop the KPI targets and budget years falling outside it (``schema.plan_properties``).
Before anything changes the user is told exactly what would be dropped and may cancel. Undo and
redo, and a journal replayed after a crash, bring the old values and the dropped ones back.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from editor.ui.files import dialogs
from editor.ui.i18n import fill, translate
from editor.ui.session import undo_commands
from schema.document_listeners import DocumentListener
from schema.model import Period, PlanDocument
from schema.operations import SetPlanProperties
from schema.plan_properties import ACTION_STYLES, STRATEGY_STYLES, Drop, drop_ops, period_drops, written


class PlanPropertiesDialog(QDialog):
    """The form; :meth:`properties` gives the values that differ from the plan's (as JSON)."""

    def __init__(self, plan: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planPropertiesDialog")
        self.setWindowTitle(self.tr("計畫屬性"))
        self._plan = plan
        form = QFormLayout(self)
        self.title_field = QLineEdit(plan.title, self)
        self.title_field.setObjectName("planTitle")
        self.title_field.setMinimumWidth(360)
        self.organisation_field = QLineEdit(plan.organisation, self)
        self.organisation_field.setObjectName("planOrganisation")
        self.organisation_field.setPlaceholderText(self.tr("例如：高雄市政府"))
        self.start_year = self._year_box(plan.period.start, "periodStart")
        self.end_year = self._year_box(plan.period.end, "periodEnd")
        period = QHBoxLayout()
        period.addWidget(self.start_year)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.end_year)
        period.addStretch(1)
        style = plan.numbering_style
        self.strategy_style = self._style_box(STRATEGY_STYLES, style.strategy, "strategyStyle")
        self.action_style = self._style_box(ACTION_STYLES, style.action, "actionStyle")
        form.addRow(self.tr("計畫名稱"), self.title_field)
        form.addRow(self.tr("機關"), self.organisation_field)
        form.addRow(self.tr("期程（民國年）"), period)
        form.addRow(self.tr("推動策略編號"), self.strategy_style)
        form.addRow(self.tr("具體作法編號"), self.action_style)
        self.message = QLabel(self)
        self.message.setObjectName("planPropertiesMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("確定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for field in (self.title_field, self.organisation_field):
            field.textChanged.connect(self._validate)
        for box in (self.start_year, self.end_year):
            box.valueChanged.connect(self._validate)
        self._validate()

    def _year_box(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(1, 999)
        box.setValue(value)
        return box

    def _style_box(self, choices: tuple[str, ...], current: str, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for template in dict.fromkeys((*choices, current)):  # the plan's own style, if another, stays offered
            box.addItem(fill(self.tr("%1 %2 …"), written(template, 1), written(template, 2)), template)
        box.setCurrentIndex(box.findData(current))
        return box

    def _validate(self) -> None:
        problem = ""
        if not self.title_field.text().strip():
            problem = self.tr("請輸入計畫名稱")
        elif self.end_year.value() < self.start_year.value():
            problem = fill(self.tr("期程的結束年（%1年）早於開始年（%2年）"), self.end_year.value(), self.start_year.value())
        self.message.setText(problem)
        self.ok_button.setEnabled(not problem)

    def period(self) -> Period:
        return Period(start=self.start_year.value(), end=self.end_year.value())

    def properties(self) -> dict:
        """The changed properties only, as JSON (what SetPlanProperties carries)."""
        plan = self._plan
        changed: dict = {}
        if self.title_field.text().strip() != plan.title:
            changed["title"] = self.title_field.text().strip()
        if self.organisation_field.text().strip() != plan.organisation:
            changed["organisation"] = self.organisation_field.text().strip()
        period = self.period()
        if period != plan.period:
            changed["period"] = period.model_dump(mode="json")
        style = plan.numbering_style.model_copy(update={
            "strategy": self.strategy_style.currentData(), "action": self.action_style.currentData()})
        if style != plan.numbering_style:
            changed["numbering_style"] = style.model_dump(mode="json")
        return changed


def drops_text(drops: list[Drop]) -> str:
    """One line per strategy: 「推動橋頭科學園區」：預算 107年；指標「進駐廠商家數」107年目標值."""
    lines = []
    for drop in drops:
        parts = []
        if drop.budget_years:
            parts.append(fill(translate("plan_properties", "預算 %1"), translate("plan_properties", "、").join(
                fill(translate("plan_properties", "%1年"), y) for y in drop.budget_years)))
        for name, year in drop.kpi_targets:
            parts.append(fill(translate("plan_properties", "指標「%1」%2年目標值"), name or translate("tree", "（未命名）"), year))
        title = drop.strategy_title or translate("tree", "（未命名）")
        lines.append(fill(translate("plan_properties", "「%1」：%2"), title, translate("plan_properties", "；").join(parts)))
    return "\n".join(lines)


class _PlanFollower(DocumentListener):
    def __init__(self, callback):
        self._callback = callback

    def plan_changed(self) -> None:
        self._callback()


class PlanProperties(QObject):
    """The window's plan-properties command, and the window following any change of them (undo included)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._follower = _PlanFollower(self._plan_changed)
        self._document = None
        self.dialog: PlanPropertiesDialog | None = None  # while it is open

    def watch(self, session) -> None:
        if self._document is not None and self._follower in self._document.listeners:
            self._document.listeners.remove(self._follower)
        self._document = session.document
        self._document.listeners.append(self._follower)

    def _plan_changed(self) -> None:
        self._window.update_title()
        self._window.detail.show_node(self._window.detail.node_id)  # the tables have one column per year

    def edit(self) -> PlanPropertiesDialog:
        """Open the dialog (window-modal); what changed is applied as one undo step when it is accepted."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = PlanPropertiesDialog(self._window.session.plan, self._window)
        dialog.accepted.connect(self._accepted)
        dialog.rejected.connect(self._closed)
        dialog.open()
        dialog.title_field.setFocus()
        return dialog

    def _accepted(self) -> None:
        dialog = self.dialog
        assert dialog is not None  # its accepted signal: it is open
        outcome = self.apply(dialog.properties(), dialog.period())
        if outcome in ("cancelled", "refused"):  # back to the form, the values as the user left them
            dialog.open()
            return
        self._closed()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def apply(self, properties: dict, period: Period) -> str:
        """Apply ``properties`` after saying what the new ``period`` would drop.

        'applied', 'unchanged', 'cancelled' (the user kept the data) or 'refused' (the document said why).
        """
        window = self._window
        session = window.session
        if not properties:
            return "unchanged"
        ops = []
        if "period" in properties:
            drops = period_drops(session.document.content, period)
            if drops:
                text = fill(translate("plan_properties", "期程改為民國 %1 至 %2 年，會刪除期程外的資料："), period.start, period.end)
                answer = dialogs.ask(window, translate("plan_properties", "變更期程"), text, [
                    ("apply", translate("plan_properties", "刪除並變更期程"), dialogs.Role.DestructiveRole),
                    ("cancel", translate("plan_properties", "取消"), dialogs.Role.RejectRole),
                ], default="cancel", details=drops_text(drops))
                if answer != "apply":
                    return "cancelled"
            ops.extend(drop_ops(session.document.content, period))
        error = undo_commands.execute(session, [SetPlanProperties(properties), *ops], translate("plan_properties", "變更計畫屬性"))
        if error:
            window.show_status(error)
            if self.dialog is not None:
                self.dialog.message.setText(error)
            return "refused"
        window.show_status(translate("plan_properties", "已變更計畫屬性"))
        return "applied"
