"""The sentences of file errors in the interface's language.

``schema.fileio.PlanFileError`` carries a ``code`` and its ``params`` next to its English sentence
(the command line's); here each code has its own translatable phrase. A place inside the file
(pydantic's location of an invalid value) is named with the field names users see (標題, 期程 …).
An error without a known code is said without its English reason: the file's name and that it
cannot be opened or saved.
"""
from __future__ import annotations

import errno
from pathlib import Path

from editor.ui.i18n import QT_TRANSLATE_NOOP, field_name, fill, kind_name, translate

_PHRASES = {
    "is_folder": QT_TRANSLATE_NOOP("file_errors", "「%1」是資料夾，不是計畫檔。"),
    "too_large": QT_TRANSLATE_NOOP("file_errors", "「%1」太大，不會是計畫檔（%2；計畫檔最大 %3）。"),
    "limit": QT_TRANSLATE_NOOP("file_errors", "「%1」超出計畫檔的限制（太大、太深或不是一般檔案），所以沒有讀取。"),
    "broken_character": QT_TRANSLATE_NOOP("file_errors", "「%1」含有殘缺的字元（單獨的代理字元），不是有效的計畫檔。"),
    "not_found": QT_TRANSLATE_NOOP("file_errors", "「%1」不存在。"),
    "permission_denied": QT_TRANSLATE_NOOP("file_errors", "沒有讀取「%1」的權限。"),
    "unreadable": QT_TRANSLATE_NOOP("file_errors", "無法讀取「%1」。"),
    "empty": QT_TRANSLATE_NOOP("file_errors", "「%1」是空的，不是計畫檔。"),
    "truncated": QT_TRANSLATE_NOOP("file_errors", "「%1」的內容不完整（檔案被截斷）。"),
    "not_utf8": QT_TRANSLATE_NOOP("file_errors", "「%1」不是 UTF-8 文字檔（第 %2 個位元組無法解讀），所以不是計畫檔。"),
    "bad_json": QT_TRANSLATE_NOOP("file_errors", "「%1」的格式有誤：第 %2 行第 %3 字。"),
    "not_a_plan": QT_TRANSLATE_NOOP("file_errors", "「%1」不是計畫檔（缺少格式版本）。"),
    "bad_version": QT_TRANSLATE_NOOP("file_errors", "「%1」的格式版本 %2 無效。"),
    "newer_version": QT_TRANSLATE_NOOP("file_errors", "「%1」由較新版的編輯器儲存（格式 %2；這個版本只能讀到格式 %3）：請更新編輯器。"),
    "unconvertible": QT_TRANSLATE_NOOP("file_errors", "「%1」使用格式 %2，這個編輯器無法轉換。"),
    "invalid_plan": QT_TRANSLATE_NOOP("file_errors", "「%1」不是有效的計畫檔：%2%3。"),
    "invalid_to_save": QT_TRANSLATE_NOOP("file_errors", "「%1」沒有儲存：計畫內容有誤，%2%3。"),
    "not_saved": QT_TRANSLATE_NOOP("file_errors", "「%1」沒有儲存：無法寫入檔案。"),
    "not_saved_full": QT_TRANSLATE_NOOP("file_errors", "「%1」沒有儲存：磁碟已滿。"),
    "not_saved_denied": QT_TRANSLATE_NOOP("file_errors", "「%1」沒有儲存：沒有寫入的權限。"),
    "not_saved_no_folder": QT_TRANSLATE_NOOP("file_errors", "「%1」沒有儲存：要存放它的資料夾不存在。"),
}
# pydantic's kinds of problem, as users would say them; any other is 「內容不符合格式」.
_PROBLEMS = {
    "missing": QT_TRANSLATE_NOOP("file_errors", "缺少%1"),
    "string_type": QT_TRANSLATE_NOOP("file_errors", "%1應為文字"),
    "int_type": QT_TRANSLATE_NOOP("file_errors", "%1應為整數"),
    "int_parsing": QT_TRANSLATE_NOOP("file_errors", "%1應為整數"),
    "float_type": QT_TRANSLATE_NOOP("file_errors", "%1應為數字"),
    "float_parsing": QT_TRANSLATE_NOOP("file_errors", "%1應為數字"),
    "list_type": QT_TRANSLATE_NOOP("file_errors", "%1應為清單"),
    "dict_type": QT_TRANSLATE_NOOP("file_errors", "%1的格式不符"),
    "model_type": QT_TRANSLATE_NOOP("file_errors", "%1的格式不符"),
    "string_too_short": QT_TRANSLATE_NOOP("file_errors", "%1不能是空的"),
    "greater_than_equal": QT_TRANSLATE_NOOP("file_errors", "%1太小"),
    "less_than_equal": QT_TRANSLATE_NOOP("file_errors", "%1太大"),
    "extra_forbidden": QT_TRANSLATE_NOOP("file_errors", "%1是不認得的欄位"),
    "value_error": QT_TRANSLATE_NOOP("file_errors", "%1的內容不正確"),
}
# Names in the file that are not node fields (those come from i18n.field_name).
_PLACES = {
    "period": QT_TRANSLATE_NOOP("file_errors", "期程"),
    "start": QT_TRANSLATE_NOOP("file_errors", "開始年"),
    "end": QT_TRANSLATE_NOOP("file_errors", "結束年"),
    "organisation": QT_TRANSLATE_NOOP("file_errors", "機關"),
    "numbering_style": QT_TRANSLATE_NOOP("file_errors", "編號格式"),
    "revisions": QT_TRANSLATE_NOOP("file_errors", "修正版"),
    "draft": QT_TRANSLATE_NOOP("file_errors", "工作草稿"),
    "label": QT_TRANSLATE_NOOP("file_errors", "版本名稱"),
    "format_version": QT_TRANSLATE_NOOP("file_errors", "格式版本"),
    "proposals": QT_TRANSLATE_NOOP("file_errors", "修正建議"),
    "targets": QT_TRANSLATE_NOOP("file_errors", "目標值"),
    "name": QT_TRANSLATE_NOOP("file_errors", "名稱"),
    "unit": QT_TRANSLATE_NOOP("file_errors", "單位"),
    "measurement": QT_TRANSLATE_NOOP("file_errors", "衡量標準"),
}
_KINDS_OF_LISTS = {"focus_areas": "focus_area", "strategies": "strategy", "actions": "action", "goals": "goal",
                   "paragraphs": "paragraph"}
_NODE_FIELDS = {"title", "text", "chart_label", "body", "lead_agencies", "supporting_agencies", "goal_ids", "kpis",
                "budget", "note"}


def _file_name(value: object) -> str:
    return Path(str(value)).name or str(value)


def place_text(location: list) -> str:
    """[draft, content, focus, focus_areas, 1, strategies, 0, title] → 「第 2 項施政重點的第 1 項推動策略的標題」."""
    parts: list[str] = []
    pending: str | None = None  # a list of nodes whose position comes next
    for part in location:
        if isinstance(part, int):
            if pending is not None:
                parts.append(fill(translate("file_errors", "第 %1 項%2"), part + 1, kind_name(pending)))
                pending = None
            else:
                parts.append(fill(translate("file_errors", "第 %1 項"), part + 1))
        elif part in _KINDS_OF_LISTS:
            pending = _KINDS_OF_LISTS[part]
        elif part in _NODE_FIELDS:
            parts.append(field_name(part))
        elif part in _PLACES:
            parts.append(translate("file_errors", _PLACES[part]))
    return translate("file_errors", "的").join(parts) or translate("file_errors", "檔案內容")


def _validation_text(params: dict) -> tuple[str, str]:
    place = place_text(list(params.get("location") or []))
    phrase = _PROBLEMS.get(str(params.get("problem")), QT_TRANSLATE_NOOP("file_errors", "%1的內容不符合格式"))
    more = int(params.get("more") or 0)
    extra = fill(translate("file_errors", "（另有 %1 個問題）"), more) if more else ""
    return fill(translate("file_errors", phrase), place), extra


def file_error_text(error: Exception) -> str:
    """The sentence for a file error in the interface's language (its code's phrase, with its values)."""
    from editor.ui.session.locking import PlanLockedError
    from editor.ui.session.plan_file_state import FileChangedOnDiskError

    if isinstance(error, FileChangedOnDiskError):
        if error.deleted:
            return fill(translate("file_errors", "「%1」在開啟後被刪除或移走；儲存會重新建立它。"), error.path.name)
        return fill(translate("file_errors", "「%1」在開啟後已被其他程式修改；儲存會覆蓋那些修改。"), error.path.name)
    if isinstance(error, PlanLockedError) and error.holder is not None:
        return fill(translate("file_errors", "「%1」沒有儲存：%2正在編輯這個檔案。"), _file_name(error.params.get("name", "")),
                    holder_text(error.holder))
    code = getattr(error, "code", "")
    params = dict(getattr(error, "params", {}) or {})
    name = _file_name(params.get("name", ""))
    if code in ("invalid_plan", "invalid_to_save"):
        problem, extra = _validation_text(params)
        return fill(translate("file_errors", _PHRASES[code]), name, problem, extra)
    if code == "not_saved":
        number = int(params.get("errno") or 0)
        if int(params.get("winerror") or 0) in _WINDOWS_IN_USE:  # a sharing violation, which Python calls EACCES
            number = errno.EBUSY
        code = {28: "not_saved_full", 13: "not_saved_denied", 2: "not_saved_no_folder"}.get(number, code)
        if code == "not_saved" and number in _WRITE_REASONS:
            return fill(translate("file_errors", "「%1」沒有儲存：%2。"), name, translate("file_errors", _WRITE_REASONS[number]))
    if code in _PHRASES:
        values = {
            "too_large": (params.get("size"), params.get("limit")),
            "not_utf8": ((int(params.get("offset") or 0)) + 1,),
            "bad_json": (params.get("line"), params.get("column")),
            "bad_version": (params.get("version"),),
            "newer_version": (params.get("version"), params.get("supported")),
            "unconvertible": (params.get("version"),),
        }.get(code, ())
        return fill(translate("file_errors", _PHRASES[code]), name, *values)
    return translate("file_errors", "檔案無法讀取或寫入。")


# Why the system refused to write a file (an OSError's errno), as users say it; the system's own
# (English) reason only for an errno not named here.
_WRITE_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("file_errors", "沒有寫入的權限"),
    errno.EPERM: QT_TRANSLATE_NOOP("file_errors", "沒有寫入的權限"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("file_errors", "磁碟已滿"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("file_errors", "已超過這個磁碟給你的空間（配額）"),
    errno.EROFS: QT_TRANSLATE_NOOP("file_errors", "磁碟是唯讀的"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("file_errors", "檔名或路徑太長"),
    errno.ENOENT: QT_TRANSLATE_NOOP("file_errors", "要存放它的資料夾不存在"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("file_errors", "路徑中有同名的檔案，不是資料夾"),
    errno.EISDIR: QT_TRANSLATE_NOOP("file_errors", "這個名稱是資料夾"),
    errno.EBUSY: QT_TRANSLATE_NOOP("file_errors", "檔案正由其他程式使用（例如在 Word 中開著），請先關閉它"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP("file_errors", "檔案正由其他程式使用（例如在 Word 中開著），請先關閉它"),
    errno.EEXIST: QT_TRANSLATE_NOOP("file_errors", "已有同名的檔案"),
    errno.EIO: QT_TRANSLATE_NOOP("file_errors", "磁碟或網路磁碟機讀寫失敗"),
}
_WINDOWS_IN_USE = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: Python gives them errno EACCES


def write_reason_text(error: OSError) -> str:
    """Why a file could not be written, in the interface's language (「磁碟已滿」); the system's reason as a last resort."""
    if getattr(error, "winerror", None) in _WINDOWS_IN_USE:
        return translate("file_errors", _WRITE_REASONS[errno.EBUSY])
    if error.errno in _WRITE_REASONS:
        return translate("file_errors", _WRITE_REASONS[error.errno])
    return error.strerror or translate("file_errors", "系統拒絕寫入")  # the system's words: a last resort


def write_error_text(path: Path, error: OSError) -> str:
    """「「報告.docx」無法寫入：磁碟已滿。」: the file's name and why the system refused to write it."""
    return fill(translate("export", "「%1」無法寫入：%2。"), Path(path).name, write_reason_text(error))


def holder_text(holder) -> str:
    """Who has a plan open: 「電腦 pc-12 上的使用者 wang」 (the person and the machine, not the program)."""
    user = lock_owner(holder.lock_path)
    machine = holder.hostname or translate("file_errors", "另一台電腦")
    if user:
        return fill(translate("file_errors", "電腦 %1 上的使用者 %2"), machine, user)
    return fill(translate("file_errors", "電腦 %1 上的另一個編輯器"), machine)


def lock_owner(lock_path: Path) -> str:
    """The user who made the lock file (its owner on the shared drive), or "" where that cannot be told."""
    try:
        return Path(lock_path).owner()
    except (OSError, KeyError, NotImplementedError):
        return ""


# Recovery journals (editor.ui.session.journal_format: JournalError; editor.ui.session.recovery: RecoveryError): each code's phrase,
# %1 the journal (or folder, or plan file) and %2 the system's reason (磁碟已滿 …) where it has one.
_JOURNAL_PHRASES = {
    "cannot_lock": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 無法鎖定，可能正由另一個編輯器使用。"),
    "cannot_write": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 無法寫入%2。"),
    "cannot_create": QT_TRANSLATE_NOOP("file_errors", "無法在 %1 建立還原紀錄%2。"),
    "cannot_read": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 無法讀取%2。"),
    "cannot_recover": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 無法讀取%2。"),
    "cannot_delete": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 無法刪除%2。"),
    "not_a_journal": QT_TRANSLATE_NOOP("file_errors", "%1 不是這個編輯器的還原紀錄。"),
    "newer_journal": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 由較新版的編輯器寫成，這個版本無法還原其中的編輯。"),
    "damaged": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 在第 %2 行損壞，無法安全地重做其中的編輯。"),
    "no_base": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 沒有保留編輯所根據的計畫內容。"),
    "base_gone": QT_TRANSLATE_NOOP("file_errors", "「%1」已被修改，而編輯所根據的版本沒有留下副本，所以無法還原。"),
    "base_unreadable": QT_TRANSLATE_NOOP("file_errors", "編輯所根據的「%1」無法讀取，所以無法還原。"),
    "in_use": QT_TRANSLATE_NOOP("file_errors", "還原紀錄 %1 正由另一個仍在執行的編輯器使用。"),
}
_REASONS = {  # errno → the reason as users say it
    28: QT_TRANSLATE_NOOP("file_errors", "：磁碟已滿"),
    13: QT_TRANSLATE_NOOP("file_errors", "：沒有寫入的權限"),
    1: QT_TRANSLATE_NOOP("file_errors", "：沒有寫入的權限"),
    30: QT_TRANSLATE_NOOP("file_errors", "：磁碟是唯讀的"),
    20: QT_TRANSLATE_NOOP("file_errors", "：路徑中有同名的檔案，不是資料夾"),
    17: QT_TRANSLATE_NOOP("file_errors", "：已有同名的檔案"),
    2: QT_TRANSLATE_NOOP("file_errors", "：找不到這個位置"),
}


def journal_error_text(error: Exception) -> str:
    """The sentence for a recovery journal's error (JournalError, RecoveryError) in the interface's language."""
    code = getattr(error, "code", "")
    params = dict(getattr(error, "params", {}) or {})
    if code not in _JOURNAL_PHRASES:
        return translate("file_errors", "還原紀錄無法使用。")
    number = int(params.get("errno") or 0)
    reason = translate("file_errors", _REASONS[number]) if number in _REASONS else ""
    if code in ("base_gone", "base_unreadable"):
        subject = Path(str(params.get("plan_path", ""))).name
    else:
        subject = str(params.get("path", ""))
    second = params.get("line") if code == "damaged" else reason
    return fill(translate("file_errors", _JOURNAL_PHRASES[code]), subject, second)
