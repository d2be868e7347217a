"""Review mode's view: the marked-up plan, the comments in the margin, and the decisions by keyboard.

F8 / Shift+F8 go to the next / previous change, Ctrl+Enter accepts it, Ctrl+Delete rejects it,
Ctrl+Shift+Enter / Ctrl+Shift+Delete accept / reject every change shown (the author, kind and
branch filters say which: Alt+U, Alt+K, Alt+B). Every decision is one undo step of the session
(``undo_commands.execute``; "all" is one macro), so Ctrl+Z takes it back. Comments: Enter in the
reply box answers the current comment, 結案 (Ctrl+Shift+K) resolves it, and the box below adds a
staff comment to the item selected in the tree.
"""
from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.ui.i18n import fill, translate, with_keys
from editor.ui.review.items import KIND_NAMES, ReviewItem, draft_items, in_branch, proposal_items
from editor.ui.review.markup import Markup
from editor.ui.session import undo_commands
from editor.ui.session.operation_errors import operation_error_text
from editor.ui.widgets import named
from schema.operations import OperationError
from schema.proposals import Proposal, Reply
from schema.review import add_proposal, add_reply
from schema.tree import title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

PROPOSALS = "proposals"  # the source combo's data for pending proposals; a revision's id otherwise


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ReviewView(QWidget):
    node_selected = Signal(str)
    status_message = Signal(str)
    export_requested = Signal(str)  # "table" (修正對照表) or "tracked" (tracked-changes document)

    def __init__(self, current_node: Callable[[], str | None] = lambda: None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.session: EditSession | None = None
        self.current_node = current_node
        self.items: list[ReviewItem] = []  # what the filters show, in document order
        self.current: int | None = None
        self.kept: set[str] = set()  # draft changes accepted (kept as they are): not shown again
        self._deciding = False  # several decisions in progress: one refresh at the end
        self.user = getpass.getuser() or "staff"
        self._build()

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.source = named(QComboBox(), "reviewSource")
        self.author = named(QComboBox(), "reviewAuthor")
        self.kind = named(QComboBox(), "reviewKind")
        self.branch = named(QCheckBox(translate("review", "只看選取的分支(&B)")), "reviewBranch")
        filters = QHBoxLayout()
        for text, combo in ((translate("review", "顯示(&S)"), self.source), (translate("review", "作者(&U)"), self.author),
                            (translate("review", "類別(&K)"), self.kind)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1 if combo is self.source else 0)
        filters.addWidget(self.branch)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.author.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.branch.toggled.connect(lambda _on: self.refresh())

        buttons = QHBoxLayout()
        self.key_actions: dict[str, QAction] = {}  # (not "actions": that is QWidget's method)
        for key, text, shortcut, slot in (
            ("previous", translate("review", "上一個"), "Shift+F8", self.previous_change),
            ("next", translate("review", "下一個"), "F8", self.next_change),
            ("accept", translate("review", "接受"), ("Ctrl+Enter", "Ctrl+Return"), self.accept_current),
            ("reject", translate("review", "拒絕"), "Ctrl+Delete", self.reject_current),
            ("accept_all", translate("review", "全部接受"), ("Ctrl+Shift+Enter", "Ctrl+Shift+Return"), lambda: self.decide_all(True)),
            ("reject_all", translate("review", "全部拒絕"), "Ctrl+Shift+Delete", lambda: self.decide_all(False)),
        ):
            # the main keyboard's Return and the keypad's Enter both work; named Enter as the menus name it
            keys = [QKeySequence(k) for k in ((shortcut,) if isinstance(shortcut, str) else shortcut)]
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.key_actions[key] = action
            button = QPushButton(with_keys(text, keys[0]))
            button.setObjectName(f"review_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work from the text; the buttons are for the mouse
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.position = named(QLabel(), "reviewPosition")
        buttons.addWidget(self.position)
        for what, text in (("table", translate("review", "匯出修正對照表…")), ("tracked", translate("review", "匯出追蹤修訂文件…"))):
            button = named(QPushButton(text), f"review_export_{what}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, w=what: self.export_requested.emit(w))
            buttons.addWidget(button)

        self.text = named(QTextBrowser(), "reviewText")
        self.text.setOpenLinks(False)
        self.comments = named(QListWidget(), "reviewComments")
        self.comments.setWordWrap(True)
        self.comments.itemActivated.connect(self._comment_activated)
        self.reply = named(QLineEdit(), "reviewReply")
        self.reply.setPlaceholderText(translate("review", "回覆目前的註解，按 Enter 送出"))
        self.reply.returnPressed.connect(self._reply_typed)
        resolve = QAction(translate("review", "結案"), self)
        resolve.setShortcut(QKeySequence("Ctrl+Shift+K"))
        resolve.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        resolve.triggered.connect(self.resolve_current)
        self.addAction(resolve)
        self.key_actions["resolve"] = resolve
        self.new_comment = named(QLineEdit(), "reviewNewComment")
        self.new_comment.setPlaceholderText(translate("review", "對樹狀圖選取的項目新增註解，按 Enter 送出"))
        self.new_comment.returnPressed.connect(self._comment_typed)
        margin = QWidget()
        margin_layout = QVBoxLayout(margin)
        margin_layout.setContentsMargins(0, 0, 0, 0)
        margin_layout.addWidget(QLabel(translate("review", "註解")))
        margin_layout.addWidget(self.comments, 1)
        margin_layout.addWidget(self.reply)
        margin_layout.addWidget(self.new_comment)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text)
        split.addWidget(margin)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.text)

    # --- the plan shown ------------------------------------------------------------------------
    def set_session(self, session: EditSession) -> None:
        if self.session is not None:
            self.session.undo_stack.indexChanged.disconnect(self._stack_changed)
        self.session = session
        self.kept.clear()
        self.current = None
        session.undo_stack.indexChanged.connect(self._stack_changed)
        self._fill_sources()
        self.refresh()

    def _shown(self) -> EditSession:
        assert self.session is not None, "Review mode gives the view the window's session as it builds it"
        return self.session

    def _fill_sources(self) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(translate("review", "待決定的修正建議"), PROPOSALS)
        for revision in reversed(self._shown().plan.revisions):
            self.source.addItem(fill(translate("review", "工作草稿對照 %1"), revision.label), revision.id)
        self.source.blockSignals(False)

    def show_draft_against(self, revision_id: str) -> bool:
        """Compare with ``revision_id`` (or PROPOSALS); whether the list was rebuilt for it (the source changed)."""
        index = self.source.findData(revision_id)
        if index < 0 or index == self.source.currentIndex():
            return False
        self.source.setCurrentIndex(index)  # _source_changed rebuilds the list
        return True

    def _source_changed(self, _index: int) -> None:
        self.kept.clear()
        self.current = None
        self.refresh()

    def base_revision(self):
        """The revision the draft is compared with, or None while pending proposals are shown."""
        return self._base()

    def go_to_proposal(self, proposal_id: str) -> bool:
        """Show the pending proposals with ``proposal_id``'s the current change (False if the filters hide it)."""
        if not self.show_draft_against(PROPOSALS):
            self.refresh()
        for index, item in enumerate(self.items):
            if item.proposal is not None and item.proposal.id == proposal_id:
                self.current = index
                self._went()
                return True
        return False

    def go_to_node(self, node_id: str, *, refresh: bool = True) -> None:
        """Make the first change on ``node_id`` (or below it) the current one (``refresh``: rebuild the list first)."""
        if refresh:
            self.refresh()
        document = self._shown().document
        for index, item in enumerate(self.items):
            if in_branch(document, item, node_id):
                self.current = index
                self._went()
                return

    def _base(self):
        data = self.source.currentData()
        return next((r for r in self._shown().plan.revisions if r.id == data), None) if data != PROPOSALS else None

    def _stack_changed(self, _index: int) -> None:
        """Any edit, undo or redo: decisions, replies and the draft's own changes show at once."""
        if not self._deciding:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the list of changes (keeping the current one's place) and the marked-up text."""
        if self.session is None:
            return
        session = self.session
        base = self._base()
        everything = draft_items(session.plan, session.document, base) if base is not None else proposal_items(session.plan, session.document)
        everything = [i for i in everything if i.key not in self.kept]
        self._fill_filter(self.author, sorted({i.author for i in everything}), translate("review", "所有作者"))
        kinds = {kind: translate("review", name) for kind, name in KIND_NAMES.items()}
        self._fill_filter(self.kind, sorted({i.kind for i in everything}), translate("review", "所有類別"), names=kinds)
        author, kind = self.author.currentData(), self.kind.currentData()
        root = self.current_node() if self.branch.isChecked() else None
        self.items = [
            i for i in everything
            if (author is None or i.author == author) and (kind is None or i.kind == kind) and in_branch(session.document, i, root)
        ]
        if self.current is not None and self.items:
            self.current = min(self.current, len(self.items) - 1)
        elif not self.items:
            self.current = None
        self._render(root)

    def _fill_filter(self, combo: QComboBox, values: list[str], everyone: str, names: dict | None = None) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for value in values:
            combo.addItem((names or {}).get(value, value) or translate("review", "（未具名）"), value)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _render(self, root: str | None) -> None:
        bar = self.text.verticalScrollBar().value()
        self.text.setHtml(Markup(self._shown().document, self.items, self.current, root).html())
        self.text.verticalScrollBar().setValue(bar)
        if self.current is not None:
            self.text.scrollToAnchor(f"chg{self.current}")
        self.comments.clear()
        for index, item in enumerate(self.items):
            if item.is_comment and item.proposal is not None:
                p = item.proposal
                said = translate("review", "%1：%2")
                lines = [fill(said, p.author, p.comment), fill(translate("review", "「%1」"), p.anchor) if p.anchor else ""]
                lines += ["  ↳ " + fill(said, r.author, r.text) for r in p.replies]
                row = QListWidgetItem("\n".join(line for line in lines if line))
                row.setData(Qt.ItemDataRole.UserRole, index)
                self.comments.addItem(row)
                if index == self.current:
                    self.comments.setCurrentItem(row)
        self.position.setText(self.describe_current())

    def describe_current(self) -> str:
        if not self.items:
            return translate("review", "沒有待決定的修正")
        if self.current is None:
            return fill(translate("review", "共 %1 項修正"), len(self.items))
        item = self.items[self.current]
        node = self._shown().document.get(item.node_id)
        where = title_of(node) if node is not None else translate("review", "（無法對應的項目）")
        return fill(translate("review", "第 %1／%2 項：%3 %4（%5）"), self.current + 1, len(self.items),
                    translate("review", KIND_NAMES.get(item.kind, item.kind)), where, item.author or translate("review", "（未具名）"))

    # --- moving and deciding -----------------------------------------------------------------------
    def next_change(self) -> None:
        if self.items:
            self.current = 0 if self.current is None else min(self.current + 1, len(self.items) - 1)
            self._went()

    def previous_change(self) -> None:
        if self.items:
            self.current = len(self.items) - 1 if self.current is None else max(self.current - 1, 0)
            self._went()

    def _went(self) -> None:
        self._render(self.current_node() if self.branch.isChecked() else None)
        item = self.current_item()
        if item is not None and item.node_id and item.node_id in self._shown().document:
            self.node_selected.emit(item.node_id)

    def current_item(self) -> ReviewItem | None:
        return self.items[self.current] if self.current is not None and self.items else None

    def accept_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._decide([item], True, translate("review", "接受修正"))

    def reject_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._decide([item], False, translate("review", "拒絕修正"))

    def resolve_current(self) -> None:
        item = self.current_item()
        if item is not None and item.is_comment:
            self._decide([item], True, translate("review", "註解結案"))

    def decide_all(self, accept: bool) -> None:
        items = [i for i in self.items if i.node_id or not accept]
        if items:
            text = translate("review", "全部接受") if accept else translate("review", "全部拒絕")
            self._decide(items, accept, fill(translate("review", "%1（%2 項）"), text, len(items)))

    def _decide(self, items: list[ReviewItem], accept: bool, text: str) -> None:
        session = self._shown()
        base = self._base()
        stack = session.undo_stack
        refused: list[str] = []
        done = 0
        if len(items) > 1:
            stack.beginMacro(text)
        self._deciding = True
        try:
            for item in items:
                if item.change is not None and accept:
                    self.kept.add(item.key)  # a draft change taken is a draft change kept: nothing to edit
                    done += 1
                    continue
                try:
                    ops = item.accept_ops(session.document) if accept else item.reject_ops(session.document, base)
                except OperationError as exc:
                    refused.append(operation_error_text(exc))
                    continue
                if not ops:
                    continue
                # A proposal taken is its proposer's change (修改者: w:author in the tracked export).
                author = item.proposal.author or None if accept and item.proposal is not None else None
                error = undo_commands.execute(session, ops, text, focus_id=item.node_id or None, author=author)
                if error:
                    refused.append(error)
                else:
                    done += 1
        finally:
            if len(items) > 1:
                stack.endMacro()
            self._deciding = False
        self.refresh()
        if refused:
            self.status_message.emit(fill(translate("review", "%1 項無法處理：%2"), len(refused), refused[0]))
        elif done:
            self.status_message.emit(fill(translate("review", "已處理 %1 項"), done))

    # --- comments --------------------------------------------------------------------------------
    def _comment_activated(self, row: QListWidgetItem) -> None:
        self.current = row.data(Qt.ItemDataRole.UserRole)
        self._went()

    def _reply_typed(self) -> None:
        item = self.current_item()
        text = self.reply.text().strip()
        if item is None or not item.is_comment or item.proposal is None or not text:  # (a comment is a proposal)
            self.status_message.emit(translate("review", "請先移到一則註解（F8）再回覆"))
            return
        reply = Reply(author=self.user, date=_now(), text=text)
        if not undo_commands.execute(self._shown(), [add_reply(item.proposal, reply)], translate("review", "回覆註解")):
            self.reply.clear()

    def _comment_typed(self) -> None:
        node_id = self.current_node()
        text = self.new_comment.text().strip()
        if not node_id or not text:
            return
        node = self._shown().document.node(node_id)
        field = "title" if hasattr(node, "title") else "text"
        proposal = Proposal(source="staff", kind="comment", node_id=node_id, field=field, author=self.user, date=_now(),
                            comment=text, anchor=title_of(node) or "")
        if not undo_commands.execute(self._shown(), [add_proposal(proposal)], translate("review", "新增註解"), focus_id=node_id):
            self.new_comment.clear()
