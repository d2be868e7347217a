"""Preferences: the interface language (effective at the next start), the author named on each edit (修改者),
and whether the 修正對照表 names each change's author under its 說明."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from editor.ui.i18n import LANGUAGES, SETTINGS_KEY, current_language
from editor.ui.session.attribution import AUTHOR_KEY, current_author, default_author


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("偏好設定"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language(settings)))
        self.author = QLineEdit(current_author(settings), self)
        self.author.setObjectName("authorEdit")
        self.author.setPlaceholderText(default_author())
        self.table_authors = QCheckBox(self.tr("修正對照表的說明欄列出修改者(&U)"), self)
        self.table_authors.setObjectName("tableAuthorsCheck")
        from editor.ui.files.amendment_export import table_names_authors  # the comparison loads on first use

        self.table_authors.setChecked(table_names_authors(settings))
        self.note = QLabel(self.tr("介面語言會在重新啟動編輯器後生效。"), self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("介面語言"), self.language)
        form.addRow(self.tr("修改者名稱"), self.author)
        form.addRow("", self.table_authors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from editor.ui.files.amendment_export import TABLE_AUTHORS_KEY

        self._settings.setValue(SETTINGS_KEY, self.language.currentData())
        self._settings.setValue(AUTHOR_KEY, self.author.text().strip())
        self._settings.setValue(TABLE_AUTHORS_KEY, "true" if self.table_authors.isChecked() else "false")
        self._settings.sync()
        super().accept()
