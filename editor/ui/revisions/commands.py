"""Making, renaming and deleting revisions (修正版) from the window: one undo step each.

``schema.revisions`` checks the request and answers its document operations (InsertRevision,
RemoveRevision, SetRevisionLabel, and the SetField operations that empty the draft's 修正說明 after
a revision took them); :func:`editor.ui.session.undo_commands.execute` applies them through the
session, which journals each before applying it, and pushes one undo command: the same class, and
the same path, as a rename of a strategy (docs/architecture.md, "the one edit path").

The forms' sentences are the schema's rules in the interface's language: :func:`label_problem`
and :func:`date_problem` translate what ``schema.revisions`` finds.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from editor.ui.i18n import draft_name, fill, translate
from editor.ui.session import undo_commands
from schema import revisions
from schema.model import PlanDocument
from schema.operations import Operation
from schema.revisions import RevisionError

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession


def create_revision(session: EditSession, label: str, *, date: str = "", author: str = "", note: str = "",
                    clear_notes: bool = True) -> None:
    """Freeze the working draft as the newest revision; raise RevisionError (one sentence) when refused."""
    ops = revisions.create_operations(session.plan, label, date=date, author=author, note=note, keep_notes=not clear_notes)
    _push(session, ops, fill(translate("revisions", "建立修正版「%1」"), label.strip()))


def rename_revision(session: EditSession, label: str, new_label: str) -> bool:
    """Give a revision (or the draft, named "draft" when it has no label) another label; False when it keeps its own."""
    target = revisions.find_revision(session.plan, label)
    ops = revisions.rename_operations(session.plan, label, new_label)
    if not ops:
        return False
    _push(session, ops, fill(translate("revisions", "將「%1」改名為「%2」"), target.label or draft_name(), new_label.strip()))
    return True


def delete_revision(session: EditSession, label: str) -> None:
    """Drop a past revision (undo puts it back at its place); raise RevisionError for the draft or an unknown label."""
    ops = revisions.delete_operations(session.plan, label)
    _push(session, ops, fill(translate("revisions", "刪除修正版「%1」"), label))


def _push(session: EditSession, ops: list[Operation], text: str) -> None:
    error = undo_commands.execute(session, ops, text)
    if error is not None:  # the schema's rules passed, so only a plan changed behind our back gets here
        raise RevisionError(error)


def label_problem(plan: PlanDocument, label: str, *, keeping: str | None = None) -> str | None:
    """Why ``label`` cannot name a revision (one sentence), or None; ``keeping`` as in ``schema.revisions.label_problem``."""
    problem = revisions.label_problem(plan, label, keeping=keeping)
    label = (label or "").strip()
    if problem == "empty":
        return translate("revisions", "請輸入版本名稱，例如「109年修正版」。")
    if problem == "draft-name":
        return fill(translate("revisions", "「%1」是工作草稿的名稱，不能作為修正版的名稱。"), label)
    if problem == "taken":
        return fill(translate("revisions", "已有名為「%1」的版本，請換一個名稱。"), label)
    return None


def date_problem(date: str) -> str | None:
    """Why ``date`` is not an ISO date (YYYY-MM-DD), or None; an empty date is allowed."""
    if revisions.date_is_valid(date):
        return None
    return fill(translate("revisions", "日期「%1」請寫成 YYYY-MM-DD，例如 2020-06-30。"), (date or "").strip())
