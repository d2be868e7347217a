"""Interface language: Traditional Chinese by default (the source language of every UI string), English on request.

UI strings are written in Chinese in the code, always as literals that ``pyside6-lupdate`` can
read: ``translate("context", "文字")`` (this module's function, or ``QCoreApplication.translate``),
``self.tr("文字")`` in a QObject class, or ``QT_TRANSLATE_NOOP("context", "文字")`` for a table
translated later. Never a helper with a non-literal argument, an f-string or a concatenation:
lupdate cannot see those, and the English interface would show Chinese. Where a translated
phrase holds a value, the phrase has a ``%1`` … placeholder filled by :func:`fill`, so that the
punctuation around it is part of the translation (「全部（9）」 but "All (9)").

``translations/plan_editor_en.ts`` holds the English translations and is compiled to ``.qm``
with ``pyside6-lrelease``; the modules whose strings it holds are :data:`TRANSLATED_MODULES`
(update from this folder with ``pyside6-lupdate <those files> -source-language zh_TW
-target-language en -no-obsolete -locations none -ts translations/plan_editor_en.ts``, then
``pyside6-lrelease translations/plan_editor_en.ts``). So an absent or broken ``.qm`` can only
fall back to Chinese, the users' language. The choice is stored in QSettings under
``ui/language`` and applied at start (:func:`install_translator`); :func:`active_language` says
which language the interface is in now.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QKeySequence

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
DEFAULT_LANGUAGE = "zh_TW"
LANGUAGES = {"zh_TW": "繁體中文", "en": "English"}  # each shown in its own language
SETTINGS_KEY = "ui/language"
TRANSLATED_MODULES = (  # paths under editor/ui, without .py
    "actions", "app", "chart_preview", "checks/pane", "comparison/change_detail", "comparison/change_list", "comparison/change_list_menu",
    "comparison/readonly_view", "comparison/view", "detail/goal_links", "detail/kpi_table", "detail/pane",
    "files/amendment_export", "files/colleagues", "files/dialogs", "files/document_errors", "files/export_menu", "files/file_errors",
    "files/hand_out_dialog", "files/import_dialog", "files/merge_copy", "files/summary_menu", "files/window_files", "fonts", "help", "i18n",
    "main_window", "plan_properties", "preferences", "printing",
    "review/items", "review/markup", "review/mode", "review/view", "revisions/commands", "revisions/dialog",
    "revisions/menu",
    "session/operation_errors", "session/undo_commands", "summary_view", "text", "tree/clipboard", "tree/drag_drop", "tree/editing", "tree/find_bar",
    "tree/model", "tree/outline_views", "tree/view", "window_docks",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for lupdate in ``context`` and gives it back untranslated, for a table translated
    later with :func:`translate`. PySide6's own does the same but is typed as returning ``object``, so
    the modules import this one."""
    return text


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
_active = {"language": DEFAULT_LANGUAGE}
_PLACEHOLDER = re.compile(r"%(\d)")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def fill(pattern: str, *values) -> str:
    """``pattern`` with %1, %2 … replaced by ``values`` in one pass (a value that itself holds
    "%2", such as a typed revision label, stays as it is)."""
    def value(match: re.Match) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, pattern)


def with_keys(text: str, keys) -> str:
    """A button's label naming its keys (a QKeySequence) as the menus name them beside a command.

    Qt's own Chinese names some keys with parentheses (「刪除鍵 (Del)」), so the keys are not put in
    parentheses of ours: 「拒絕　Ctrl+刪除鍵 (Del)」, like the menus' shortcut column, never
    「拒絕 (Ctrl+刪除鍵 (Del))」. English names have none, and read "Reject (Ctrl+Del)"."""
    return fill(translate("i18n", "%1　%2"), text, keys.toString(QKeySequence.SequenceFormat.NativeText))


def kind_name(kind: str, *, sub_action: bool = False) -> str:
    """「推動策略」 / "strategy", as it reads inside a phrase (an action under an action is a 子項作法)."""
    key = "sub_action" if sub_action and kind == "action" else kind
    return translate("kinds", _KIND_NAMES[key])


def node_kind_name(document, node) -> str:
    parent = document.parent(node)
    return kind_name(node.kind, sub_action=parent is not None and parent.kind == "action")


def capitalised(text: str) -> str:
    """A name standing on its own (a heading, a column): "Strategy"; Chinese is unchanged."""
    return text[:1].upper() + text[1:]


def kind_label(kind: str, *, sub_action: bool = False) -> str:
    """「推動策略」 / "Strategy": the kind's name standing on its own."""
    return capitalised(kind_name(kind, sub_action=sub_action))


def node_kind_label(document, node) -> str:
    return capitalised(node_kind_name(document, node))


# --- phrases several views share --------------------------------------------------------------
def draft_name(label: str = "") -> str:
    """「工作草稿」, or 「工作草稿：110年修正草案」 when the draft already has its label."""
    return fill(translate("common", "工作草稿：%1"), label) if label else translate("common", "工作草稿")


def roc_date_text(value) -> str:
    """A date as people read it in the interface: 「民國109年6月30日」 (the plan counts 民國 years;
    ``schema.roc_dates``), ISO (2020-06-30) in English; with its time when it has one; a text that is
    not a date unchanged. Every date the window shows goes through here."""
    from schema.roc_dates import roc_date, roc_parts

    if active_language() != "en":
        return roc_date(value)
    parts = roc_parts(value)
    if parts is None:
        return value if isinstance(value, str) else str(value)
    return f"{parts.iso} {parts.time}" if parts.time else parts.iso


def dated(label: str, date: str = "") -> str:
    """「109年修正版（民國109年6月30日）」 / "109年修正版 (2020-06-30)"; the label alone without a date."""
    return fill(translate("common", "%1（%2）"), label, roc_date_text(date)) if date else label


def version_name(plan, revision) -> str:
    """How a version is named in lists: the working draft, or a revision's label with its date."""
    return draft_name(revision.label) if revision is plan.draft else dated(revision.label, revision.date)


def counted(name: str, count: int) -> str:
    """「全部（9）」 / "All (9)"."""
    return fill(translate("common", "%1（%2）"), name, count)


def field_name(field: str) -> str:
    return translate("fields", _FIELD_NAMES[field])


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"plan_editor_{language}.qm"


def current_language(settings) -> str:
    """The interface language stored in the preferences (a QSettings), or the default."""
    value = settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def active_language() -> str:
    """The language the interface is in now: "zh_TW", or "en" once its translator is installed."""
    return _active["language"]


def install_translator(app: QCoreApplication, language: str | None) -> bool:
    """Translate the interface into ``language`` (Chinese needs nothing); False if its .qm is missing
    (the interface then stays Chinese)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _active["language"] = DEFAULT_LANGUAGE
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        qt_language = "zh_TW"
    else:
        ours = QTranslator(app)
        if not ours.load(str(qm_path(language))):
            return False
        app.installTranslator(ours)
        _installed.append(ours)
        _active["language"] = language
        qt_language = language
    # Qt's own strings (the buttons of QMessageBox, the file dialog) in the same language.
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(qt_language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    # What Qt's own zh_TW file lacks (the file dialog's Qt 6 labels); installed last, so asked first.
    supplement = QTranslator(app)
    if qt_language == "zh_TW" and supplement.load(str(TRANSLATIONS_DIR / "qt_supplement_zh_TW.qm")):
        app.installTranslator(supplement)
        _installed.append(supplement)
    return True
