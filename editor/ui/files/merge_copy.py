"""File ▸ 合併同仁版本… (merge a colleague's copy) into the open plan.

The colleague's file is either a part handed out from this plan (``PlanDocument.handed_out``: it
remembers its own base, ``schema.part.merge_part``) or a whole copy, which a three-way merge
(``schema.merge.merge_plans``) needs the common base for: the window asks for that file. Why not
take the last revision as the base: edits made to the draft after it and before the copy was sent
would count as both sides' changes and turn into false conflicts wherever one side edited on.

The result is not loaded as a new plan: ``schema.merge_ops.plan_operations`` turns it into ordinary
operations on the open plan, applied as one undo step (Ctrl+Z takes the whole merge back) and
journalled with each change's author (the colleague's, as the merge recorded them). A conflict's
side that was not applied is a pending proposal, shown in Review mode. A file that cannot be read,
or that is no version of this plan, is one sentence naming it, and the plan is not touched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor.ui.files import dialogs
from editor.ui.files.file_errors import file_error_text
from editor.ui.i18n import QT_TRANSLATE_NOOP, field_name, fill, translate
from editor.ui.session import undo_commands
from schema.compare import compare
from schema.fileio import PlanFileError, load_plan
from schema.merge import Conflict, merge_plans
from schema.merge_ops import plan_operations, touched_nodes
from schema.model import PlanDocument
from schema.operations import Operation, OperationError
from schema.part import OutsideEdit, PartError, cut, merge_part
from schema.tree import walk

FOLDER_KEY = "merge/folder"
_PROPERTIES = {  # the plan's own fields a property conflict may name
    "title": QT_TRANSLATE_NOOP("merge", "計畫名稱"), "organisation": QT_TRANSLATE_NOOP("merge", "機關"),
    "period": QT_TRANSLATE_NOOP("merge", "期程"), "numbering_style": QT_TRANSLATE_NOOP("merge", "編號格式"),
    "draft label": QT_TRANSLATE_NOOP("merge", "工作草稿名稱"), "draft note": QT_TRANSLATE_NOOP("merge", "工作草稿說明"),
}


class MergeRefusedError(Exception):
    """The colleague's file cannot be merged into this plan; ``str()`` is one sentence naming it."""


@dataclass
class MergeOutcome:
    ops: list[Operation]
    authors: list[str]  # who made each operation's change (the colleague's side)
    taken: int  # the colleague's changes taken
    kept: int  # this plan's own changes since the base, kept
    conflicts: list[Conflict]
    outside: list[OutsideEdit] = field(default_factory=list)  # a part's edits outside what was handed out (not merged)


def prepare(plan: PlanDocument, theirs: PlanDocument, name: str, base: PlanDocument | None = None) -> MergeOutcome:
    """The operations that merge ``theirs`` (a part, or a copy descended from ``base``) into ``plan``; MergeRefusedError."""
    try:
        if theirs.handed_out is not None:
            handed = theirs.handed_out
            present = {n.id for n, _p in walk(plan.draft.content)}
            if not any(root in present for root in handed.roots):
                raise MergeRefusedError(fill(translate("merge", "「%1」是從別的計畫分送出去的部分，不能合併到這份計畫。"), name))
            part = merge_part(plan, theirs, part_name=name)
            merged, conflicts, outside, fallback = part.plan, part.conflicts, part.outside_edits, handed.agency or theirs.draft.author
            taken = len(part.changes.changes)
            kept = len(compare(handed.base, cut(plan.draft.content, handed.roots, handed.agency)).changes)
        else:
            if base is None:
                raise ValueError("a whole copy needs its base")
            result = merge_plans(base, plan, theirs)
            merged, conflicts, outside, fallback = result.plan, result.conflicts, [], theirs.draft.author
            clashing = {c.node_id for c in conflicts}
            taken = sum(1 for change in result.theirs.changes if change.node_id not in clashing)
            kept = len(result.ours.changes)
        ops = plan_operations(plan, merged)
        nodes = touched_nodes(plan.draft.content, ops)
    except (PartError, OperationError, ValueError, KeyError, IndexError):
        raise MergeRefusedError(fill(translate("merge", "「%1」和這份計畫不是同一份計畫的版本，無法合併。"), name)) from None
    authors = [merged.draft.authors.get(node, "") or fallback if node else "" for node in nodes]
    return MergeOutcome(ops, authors, taken, kept, conflicts, outside)


def conflict_text(conflict: Conflict) -> str:
    """One conflict in the interface's language: its number, where it is and what both sides did."""
    place = conflict.place or conflict.field
    if conflict.kind in ("text", "field"):
        what = fill(translate("merge", "雙方都修改了%1"), field_name(conflict.field) if _has_name(conflict.field) else conflict.field)
    elif conflict.kind == "delete_edit":
        what = translate("merge", "一方刪除了這個項目，另一方修改了它；項目保留，刪除列為待審建議")
    elif conflict.kind == "move":
        what = translate("merge", "雙方把它移到不同的位置")
    elif conflict.kind == "property":
        what = fill(translate("merge", "雙方都修改了計畫的%1"), translate("merge", _PROPERTIES.get(conflict.field, conflict.field)))
        place = translate("merge", "計畫屬性")
    else:
        what = translate("merge", "雙方都變更了這個修正版")
    return fill(translate("merge", "%1. %2：%3"), conflict.number, place, what)


def outside_text(edit: OutsideEdit) -> str:
    """An edit outside the part, in the interface's language."""
    what = field_name(edit.field) if _has_name(edit.field) else edit.field
    if edit.kind == "section":
        return fill(translate("merge", "%1：在交回的部分中被修改，但它不在分送範圍內"), edit.place)
    if edit.kind == "focus_section":
        return fill(translate("merge", "%1的%2被修改，但它不在分送範圍內"), edit.place, what)
    if edit.kind == "area_removed":
        return fill(translate("merge", "%1：施政重點被刪除，但分送的只是其中的推動策略"), edit.place)
    if edit.kind == "area_field":
        return fill(translate("merge", "%1：施政重點的%2被修改，但分送的只是其中的推動策略"), edit.place, what)
    return fill(translate("merge", "%1：新增的施政重點，不在分送範圍內"), edit.place or translate("merge", "（未命名）"))


def _has_name(field_key: str) -> bool:
    try:
        field_name(field_key)
    except KeyError:
        return False
    return True


def summary(name: str, outcome: MergeOutcome) -> tuple[str, str]:
    """(the headline, the details) of the summary after a merge."""
    text = fill(translate("merge", "已合併「%1」：採用對方的修改 %2 項，保留這份計畫的修改 %3 項，衝突 %4 項。"),
                name, outcome.taken, outcome.kept, len(outcome.conflicts))
    lines: list[str] = []
    if outcome.conflicts:
        lines.append(translate("merge", "衝突之處保留這份計畫的版本，對方的版本列為待審的修正建議，請在審閱模式中決定："))
        lines += [conflict_text(c) for c in outcome.conflicts]
    if outcome.outside:
        lines.append(fill(translate("merge", "分送範圍之外的修改 %1 項，沒有合併："), len(outcome.outside)))
        lines += [f"- {outside_text(edit)}" for edit in outcome.outside]
    return text, "\n".join(lines)


# --- the window's command ----------------------------------------------------------------------
def _choose(window, title: str) -> Path | None:
    start = str(window.settings.value(FOLDER_KEY, "") or (window.session.path.parent if window.session.path else ""))
    filters = translate("merge", "計畫檔 (*.plan.json);;JSON 檔 (*.json);;所有檔案 (*)")
    path, _ = QFileDialog.getOpenFileName(window, title, start, filters)
    if not path:
        return None
    window.settings.setValue(FOLDER_KEY, str(Path(path).parent))
    return Path(path)


def _read(window, path: Path) -> PlanDocument | None:
    try:
        return load_plan(path)
    except PlanFileError as exc:
        _refuse(window, file_error_text(exc))
        return None


def _refuse(window, sentence: str) -> None:
    window.show_status(sentence)
    dialogs.show_error(window, translate("merge", "無法合併"), sentence, name="mergeError")


def merge_into_window(window) -> MergeOutcome | None:
    """Ask for a colleague's file (and, for a whole copy, the base), merge it into the open plan as
    one undo step and show what happened; None when nothing changed."""
    path = _choose(window, translate("merge", "合併同仁版本"))
    if path is None:
        return None
    theirs = _read(window, path)
    if theirs is None:
        return None
    base = None
    if theirs.handed_out is None:
        text = fill(translate("merge", "「%1」不是從這份計畫分送出去的部分。合併兩份完整的計畫需要共同的底本："
                                       "對方開始修改之前的那一份計畫檔。"), path.name)
        answer = dialogs.ask(window, translate("merge", "合併同仁版本"), text, [
            ("base", translate("merge", "選擇底本(&B)…"), dialogs.Role.AcceptRole),
            ("cancel", translate("merge", "取消"), dialogs.Role.RejectRole),
        ], icon=QMessageBox.Icon.Question, default="base")
        base_path = _choose(window, translate("merge", "選擇共同的底本")) if answer == "base" else None
        if base_path is None:
            return None
        base = _read(window, base_path)
        if base is None:
            return None
    session = window.session
    try:
        outcome = prepare(session.plan, theirs, path.name, base)
    except MergeRefusedError as exc:
        _refuse(window, str(exc))
        return None
    if outcome.ops:
        error = undo_commands.execute(session, outcome.ops, fill(translate("merge", "合併「%1」"), path.name), authors=outcome.authors)
        if error:
            _refuse(window, fill(translate("merge", "「%1」無法合併：%2"), path.name, error))
            return None
    text, details = summary(path.name, outcome)
    window.show_status(text)
    if outcome.conflicts:
        window.review.show()  # each conflict's other side waits there, in place, the first one current
        window.review.view.go_to_proposal(outcome.conflicts[0].proposal_id)
    box = QMessageBox(QMessageBox.Icon.Information, translate("merge", "合併同仁版本"), text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("mergeSummary")
    box.button(QMessageBox.StandardButton.Ok).setText(translate("merge", "確定"))
    if details:
        box.setInformativeText(details)
    box.open()  # not blocking: the plan is already merged, this only tells what happened
    return outcome
