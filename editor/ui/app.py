"""Starting the desktop editor: the application, its font and language, then the window."""
from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from editor.ui import fonts, i18n

ORGANISATION = "plan-editor"
APPLICATION = "plan-editor"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names (they place QSettings and the recovery folder), font and language."""
    existing = QApplication.instance()  # typed as the QCoreApplication it may be; ours is always a QApplication
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(i18n.translate("window", "中程施政計畫編輯器"))
    i18n.install_translator(app, i18n.current_language(QSettings()))
    font = fonts.ui_font(app.font(), latin_first=i18n.active_language() == "en")
    if font is not None:
        app.setFont(font)
    return app


def run_editor(path: str | None) -> int:
    """Open the editor window (on ``path`` if given) and run until it is closed; the exit status."""
    app = create_application()
    from editor.ui.main_window import MainWindow  # after the translator: menus are built translated

    window = MainWindow()
    window.show()
    if fonts.choose_family() is None:
        window.show_status(fonts.missing_font_warning())
    window.start(path)
    return app.exec()
