"""Preferences: the interface language (effective at the next start) and the author named on each edit (修改者)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from editor.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, SETTINGS_KEY
from editor.ui.session.attribution import AUTHOR_KEY, current_author, default_author


def current_language(settings: QSettings) -> str:
    value = settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


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
        self.note = QLabel(self.tr("介面語言會在重新啟動編輯器後生效。"), self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("介面語言"), self.language)
        form.addRow(self.tr("修改者名稱"), self.author)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.setValue(SETTINGS_KEY, self.language.currentData())
        self._settings.setValue(AUTHOR_KEY, self.author.text().strip())
        self._settings.sync()
        super().accept()
