"""The lower half of the comparison view: one change, its two texts side by side, and its 修正說明.

It only shows what it is given and reports what the user types (:attr:`ChangeDetail.note_edited`);
the comparison view decides where a note belongs and whether it may be written at all.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from editor.ui.comparison.change_list import (
    CHANGE_COLOURS,
    CHANGE_SIGNS,
    change_name,
    change_node_kind_name,
    number_text,
    words_of,
)
from editor.ui.comparison.change_render import escape, place_text, render_change
from editor.ui.comparison.readonly_view import ReadOnlyBrowser
from editor.ui.i18n import capitalised, field_name, fill, translate
from editor.ui.widgets import named
from schema.compare import Change


class ChangeDetail(QWidget):
    note_edited = Signal(str)  # typed by the user (never sent when the program sets the text)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._silent = False
        self.heading = named(QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True), "changeHeading")
        self.place = named(QLabel(wordWrap=True), "changePlace")
        self.old_caption = named(QLabel(), "oldCaption")
        self.new_caption = named(QLabel(), "newCaption")
        self.old_text = named(ReadOnlyBrowser(), "oldText")
        self.new_text = named(ReadOnlyBrowser(), "newText")
        self.note_label = named(QLabel(translate("comparison", "修正說明")), "noteLabel")
        self.note_edit = named(QPlainTextEdit(), "noteEdit")
        self.note_edit.setMaximumHeight(90)
        self.note_edit.textChanged.connect(self._typed)
        panes = QGridLayout()
        panes.addWidget(self.old_caption, 0, 0)
        panes.addWidget(self.new_caption, 0, 1)
        panes.addWidget(self.old_text, 1, 0)
        panes.addWidget(self.new_text, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.place)
        layout.addLayout(panes, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note_edit)
        self.show_change(None, editable=False)

    def set_captions(self, old: str, new: str) -> None:
        """Name the two versions above their panes (現行 = older, 修正 = newer)."""
        self.old_caption.setText(fill(translate("comparison", "現行：%1"), old))
        self.new_caption.setText(fill(translate("comparison", "修正：%1"), new))

    def show_change(self, change: Change | None, *, editable: bool) -> None:
        """Show ``change`` (None: nothing); ``editable``: its note may be written here."""
        texts = {
            "absent_old": translate("comparison", "（現行版本沒有此項目：本項為新增）"),
            "absent_new": translate("comparison", "（修正後已刪除此項目）"),
            "position": translate("comparison", "位置"),
            "children": translate("comparison", "所含項目"),
            "place": translate("comparison", "%1　%2"),  # a parent and a number: 「二、衝就業　（六）」
        }
        if change is None:
            self.heading.setText("")
            self.place.setVisible(False)
            for pane in (self.old_text, self.new_text):
                pane.setHtml("")
            self._set_note("", None, False)
            return
        what = f'<b style="color:{CHANGE_COLOURS[change.kind]}">{CHANGE_SIGNS[change.kind]} {escape(change_name(change.kind))}</b>'
        # 「✎ 修改　推動策略　（四）　轉型…」; the separators are the translation's (wide spaces are Chinese)
        self.heading.setText(fill(translate("comparison", "%1　%2　%3　%4"), what, escape(change_node_kind_name(change)),
                                  escape(number_text(change)), escape(words_of(change, 40)))
                             + (fill(translate("comparison", "　（修改者：%1）"), escape(change.author)) if change.author else ""))
        if change.kind == "moved":
            old, new = change.old, change.new
            assert old is not None and new is not None  # a moved node is in both versions
            self.place.setText(fill(
                translate("comparison", "原位置：%1　→　新位置：%2"),
                place_text(texts["place"], change.moved_from or "", old.number),
                place_text(texts["place"], new.parent, new.number),
            ))
        self.place.setVisible(change.kind == "moved")
        label = lambda name: capitalised(field_name(name))  # noqa: E731 - a field's name standing alone
        self.old_text.setHtml(render_change(change, "old", label, texts))
        self.new_text.setHtml(render_change(change, "new", label, texts))
        self._set_note(change.note, change, editable)

    def _set_note(self, text: str, change: Change | None, editable: bool) -> None:
        self.note_edit.setReadOnly(not editable)
        if change is not None and change.kind == "removed" and change.old is not None and editable:
            self.note_label.setText(fill(translate("comparison", "修正說明（刪除的理由寫在上層項目「%1」）"), change.old.parent))
        else:
            self.note_label.setText(translate("comparison", "修正說明"))
        if change is None:
            placeholder = ""
        elif editable:
            placeholder = translate("comparison", "說明為何修正此項目…")
        else:
            placeholder = translate("comparison", "修正說明只能寫在工作草稿上：請把「修正」選為工作草稿。")
        self.note_edit.setPlaceholderText(placeholder)
        if self.note_edit.toPlainText() != text:  # equal while the user types: keep the cursor where it is
            self._silent = True
            try:
                self.note_edit.setPlainText(text)
            finally:
                self._silent = False

    def _typed(self) -> None:
        if not self._silent and not self.note_edit.isReadOnly():
            self.note_edited.emit(self.note_edit.toPlainText())
