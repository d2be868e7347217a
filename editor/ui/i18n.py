"""Interface language: Traditional Chinese by default (the source language of every UI string), English on request.

UI strings are written in Chinese in the code (``self.tr("檔案(&F)")`` or ``translate(context, text)``);
``translations/plan_editor_en.ts`` holds their English translations and is compiled to ``.qm``
with ``pyside6-lrelease``; the modules whose strings it holds are :data:`TRANSLATED_MODULES`
(update with ``pyside6-lupdate <those files> -source-language zh_TW -target-language en
-no-obsolete -locations none -ts translations/plan_editor_en.ts``, then ``pyside6-lrelease
translations/plan_editor_en.ts``). So an absent or broken ``.qm`` can only fall back to Chinese, the
users' language. The choice is stored in QSettings under ``ui/language`` and applied at start.

Some modules name their strings through a local helper (``def tr(text): return translate("revisions",
text)``); lupdate cannot see that context and files those strings under the empty context. The
translator therefore looks a string up in the empty context when its own context has no entry.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QT_TRANSLATE_NOOP, QTranslator

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
DEFAULT_LANGUAGE = "zh_TW"
LANGUAGES = {"zh_TW": "繁體中文", "en": "English"}  # each shown in its own language
SETTINGS_KEY = "ui/language"
TRANSLATED_MODULES = (
    "actions", "app", "change_detail", "change_list", "chart_preview", "clipboard", "commands", "comparison_view",
    "detail_pane", "export_menu", "file_dialogs", "find_bar", "fonts", "i18n", "kpi_table", "main_window",
    "preferences", "readonly_view", "revision_commands", "revision_menu", "revisions_dialog", "text", "tree_edit",
    "tree_model", "tree_view",
)

# Names of node kinds and fields as people read them (schema.tree.KINDS has the Chinese kind
# names too; these are repeated here so that lupdate sees them and English can translate them).
_KIND_NAMES = {
    "preface": QT_TRANSLATE_NOOP("kinds", "理念"),
    "goals_section": QT_TRANSLATE_NOOP("kinds", "施政目標章節"),
    "focus_section": QT_TRANSLATE_NOOP("kinds", "施政重點與發展策略"),
    "closing": QT_TRANSLATE_NOOP("kinds", "結語"),
    "paragraph": QT_TRANSLATE_NOOP("kinds", "段落"),
    "goal": QT_TRANSLATE_NOOP("kinds", "施政目標"),
    "focus_area": QT_TRANSLATE_NOOP("kinds", "施政重點"),
    "strategy": QT_TRANSLATE_NOOP("kinds", "推動策略"),
    "action": QT_TRANSLATE_NOOP("kinds", "具體作法"),
    "sub_action": QT_TRANSLATE_NOOP("kinds", "子項作法"),
}
_FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("fields", "標題"),
    "text": QT_TRANSLATE_NOOP("fields", "文字"),
    "chart_label": QT_TRANSLATE_NOOP("fields", "架構圖標籤"),
    "body": QT_TRANSLATE_NOOP("fields", "內容"),
    "lead_agencies": QT_TRANSLATE_NOOP("fields", "主辦機關"),
    "supporting_agencies": QT_TRANSLATE_NOOP("fields", "協辦機關"),
    "goal_ids": QT_TRANSLATE_NOOP("fields", "施政目標連結"),
    "kpis": QT_TRANSLATE_NOOP("fields", "關鍵績效指標"),
    "budget": QT_TRANSLATE_NOOP("fields", "預算"),
    "note": QT_TRANSLATE_NOOP("fields", "修正說明"),
}

_installed: list[QTranslator] = []


class _Translator(QTranslator):
    """Our .qm, with the empty context as the fallback of every context (see the module docstring)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's virtual
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        return found or None  # None (a null QString) makes Qt keep the source text


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def kind_name(kind: str, *, sub_action: bool = False) -> str:
    """「推動策略」 / "strategy" (an action under an action is a 子項作法)."""
    key = "sub_action" if sub_action and kind == "action" else kind
    return translate("kinds", _KIND_NAMES[key])


def node_kind_name(document, node) -> str:
    parent = document.parent(node)
    return kind_name(node.kind, sub_action=parent is not None and parent.kind == "action")


def field_name(field: str) -> str:
    return translate("fields", _FIELD_NAMES[field])


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"plan_editor_{language}.qm"


def install_translator(app: QCoreApplication, language: str | None) -> bool:
    """Translate the interface into ``language`` (Chinese needs nothing); False if its .qm is missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        qt_language = "zh_TW"
    else:
        ours = _Translator(app)
        if not ours.load(str(qm_path(language))):
            return False
        app.installTranslator(ours)
        _installed.append(ours)
        qt_language = language
    # Qt's own strings (the buttons of QMessageBox, the file dialog) in the same language.
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(qt_language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    return True
