"""A refused edit's sentence in the interface's language.

``schema.operations.OperationError`` (a document refusing an operation, a proposal or a change that
can no longer be accepted or rejected, a plan property that is not valid) carries a ``code`` and
its ``params`` next to its English sentence (the command line's); here each code has its own
translatable phrase. Every code raised in ``schema/`` and the journal has one (a test checks), and
one without a known code is said without its English reason.
"""
from __future__ import annotations

from editor.ui.i18n import QT_TRANSLATE_NOOP, field_name, fill, kind_name, translate

_PHRASES = {
    # the hierarchy (a move, an insert, indent and outdent, a paste)
    "cannot_hold": QT_TRANSLATE_NOOP("operation_errors", "%1之下不能放%2"),
    "action_depth": QT_TRANSLATE_NOOP("operation_errors", "具體作法最多兩層（1. 與（1））"),
    "no_children": QT_TRANSLATE_NOOP("operation_errors", "%1「%2」不能有下層項目"),
    "fixed_section": QT_TRANSLATE_NOOP("operation_errors", "「%1」是固定的章節，不能移動"),
    "into_itself": QT_TRANSLATE_NOOP("operation_errors", "「%1」不能移到自己的下層"),
    "bad_kind": QT_TRANSLATE_NOOP("operation_errors", "固定的章節不能新增或貼上"),
    "no_item": QT_TRANSLATE_NOOP("operation_errors", "這個項目已經不在計畫中，所以沒有修改"),
    "bad_position": QT_TRANSLATE_NOOP("operation_errors", "項目要放的位置已經不存在，所以沒有修改"),
    "id_taken": QT_TRANSLATE_NOOP("operation_errors", "要加入的項目已經在計畫中，所以沒有修改"),
    "invalid_item": QT_TRANSLATE_NOOP("operation_errors", "要加入的%1不符合計畫檔的規則（例如有一段文字太長），所以沒有加入"),
    # a field's value
    "no_field": QT_TRANSLATE_NOOP("operation_errors", "%1沒有可以修改的「%2」欄位"),
    "invalid_value": QT_TRANSLATE_NOOP("operation_errors", "%1的%2不符合計畫檔的規則，所以沒有修改"),
    "invalid_value_too_long": QT_TRANSLATE_NOOP("operation_errors", "%1的%2太長，計畫檔存不下，所以沒有修改"),
    "lone_surrogate": QT_TRANSLATE_NOOP("operation_errors", "文字中有殘缺的字元（單獨的代理字元，常見於損壞的貼上內容），無法存檔，所以沒有修改"),
    # the plan's own properties
    "empty_plan_title": QT_TRANSLATE_NOOP("operation_errors", "計畫名稱不能空白"),
    "invalid_property": QT_TRANSLATE_NOOP("operation_errors", "計畫屬性的值不正確，所以沒有修改"),
    # revisions and proposals
    "invalid_revision": QT_TRANSLATE_NOOP("operation_errors", "修正版的內容不正確，所以沒有修改"),
    "draft_not_revision": QT_TRANSLATE_NOOP("operation_errors", "工作草稿不是修正版，不能刪除或當作修正版改名"),
    "no_revision": QT_TRANSLATE_NOOP("operation_errors", "這個修正版已經不在計畫中"),
    "label_twice": QT_TRANSLATE_NOOP("operation_errors", "版本名稱「%1」重複了：每個修正版要有不同的名稱"),
    "no_proposal": QT_TRANSLATE_NOOP("operation_errors", "這個修正建議已經不在計畫中"),
    "invalid_proposal": QT_TRANSLATE_NOOP("operation_errors", "修正建議的內容不正確，所以沒有修改"),
    "proposal_parent_gone": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議要加入項目的上層項目已經不在計畫中"),
    "proposal_item_gone": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議修改的項目已經不在計畫中"),
    "proposal_move_gone": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議移動的項目，或要移到的上層項目，已經不在計畫中"),
    "proposal_unplaced": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議對不上計畫中的任何項目"),
    "proposal_no_field": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議修改的項目沒有「%1」這段文字"),
    "proposal_text_edited": QT_TRANSLATE_NOOP("operation_errors", "無法接受：這個建議修改的文字之後又被編輯過，修改已經對不上"),
    # rejecting a change of the draft (the older version's text or item put back)
    "added_item_gone": QT_TRANSLATE_NOOP("operation_errors", "無法拒絕：新增的項目已經不在計畫中"),
    "old_parent_gone": QT_TRANSLATE_NOOP("operation_errors", "無法拒絕：原本的上層項目已經不在計畫中"),
    "removed_item_back": QT_TRANSLATE_NOOP("operation_errors", "無法拒絕：刪除的項目已經又在工作草稿中"),
    "old_parent_removed": QT_TRANSLATE_NOOP("operation_errors", "無法拒絕：原本的上層項目不在工作草稿中；請先拒絕刪除那個項目"),
    # internal: an edit that the program itself made wrongly, or a journal line
    "text_only": QT_TRANSLATE_NOOP("operation_errors", "這項修改無法套用在這份計畫上"),
    "unreadable_operation": QT_TRANSLATE_NOOP("operation_errors", "這項修改無法讀取，所以沒有套用"),
}
CODES = frozenset(_PHRASES) - {"invalid_value_too_long"}  # what schema raises (a test checks each raise has one)


def _kind(params: dict, key: str = "kind") -> str:
    kind = str(params.get(key) or "")
    try:
        return kind_name(kind)
    except KeyError:
        return kind


def _field(params: dict) -> str:
    field = str(params.get("field") or "")
    try:
        return field_name(field)
    except KeyError:
        return field


def operation_error_text(error: Exception) -> str:
    """The sentence for a refused edit (an OperationError) in the interface's language."""
    code = str(getattr(error, "code", "") or "")
    params = dict(getattr(error, "params", {}) or {})
    if code == "invalid_value" and params.get("problem") == "string_too_long":
        code = "invalid_value_too_long"
    if code not in _PHRASES:
        return translate("operation_errors", "這項修改不符合計畫的規則，所以沒有套用")
    values: tuple[object, ...] = {
        "cannot_hold": (_kind(params, "parent_kind"), _kind(params)),
        "no_children": (_kind(params), params.get("title")),
        "fixed_section": (params.get("title"),),
        "into_itself": (params.get("title"),),
        "invalid_item": (_kind(params),),
        "no_field": (_kind(params), params.get("field")),
        "invalid_value": (_kind(params), _field(params)),
        "invalid_value_too_long": (_kind(params), _field(params)),
        "label_twice": (params.get("label"),),
        "proposal_no_field": (_field(params),),
    }.get(code, ())
    return fill(translate("operation_errors", _PHRASES[code]), *values)
