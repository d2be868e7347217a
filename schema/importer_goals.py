"""The goals (施政目標) of a plan's text when it lists them under a heading of their own.

Plans list their goals as numbered items (1. 產業轉型優先 …), as short lines, as one line
(施政目標：產業轉型優先、增加就業優先…) or not at all (then the chart or the preface's quotes
tell them, see ``schema.importer_chart``). The goals' lines are taken out of the body before the
numbering ladder is read: goals numbered 一、 must not become focus areas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from schema.importer_marks import parse_mark
from schema.importer_text import SourceLine, ends_sentence

_HEADING = re.compile(r"^(?:施政目標|計畫目標)\s*[：:]?\s*(?P<inline>.*)$")
_SEPARATORS = re.compile(r"[、，,；;]+")
PREFACE_TITLES = ("理念", "施政理念", "計畫理念", "前言", "序言", "緣起")
_TITLE_MAX = 40  # a goal's title is a phrase; anything longer is its explanation


@dataclass
class GoalItem:
    title: str
    body: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)


@dataclass
class GoalsList:
    title: str
    line: int
    goals: list[GoalItem]
    ids: dict[str, str] = field(default_factory=dict)  # the heading's


def _heading(source: SourceLine) -> re.Match | None:
    if "目標" not in source.text:  # most lines: one search in C instead of a mark and a match
        return None
    text = source.text.strip()
    mark = parse_mark(text)
    return _HEADING.match(mark.rest if mark else text) if source.table is None else None


def take_goals(lines: list[SourceLine]) -> tuple[list[SourceLine], GoalsList | None]:
    """The lines without the goals' heading and items, and the goals found (None: no such list)."""
    for i, source in enumerate(lines):
        match = _heading(source)
        if match is None or len(source.text.strip()) > 80:
            continue
        title = "施政目標"
        inline = match.group("inline").strip()
        if inline:
            goals = [GoalItem(t.strip()) for t in _SEPARATORS.split(inline.rstrip("。")) if t.strip()]
            return lines[:i] + lines[i + 1:], GoalsList(title, source.line, goals, dict(source.ids))
        goals, end = _items(lines, i + 1)
        if not goals:
            return lines, None
        if len(goals) == 1 and not goals[0].body and _SEPARATORS.search(goals[0].title):
            goals = [GoalItem(t.strip()) for t in _SEPARATORS.split(goals[0].title) if t.strip()]
        return lines[:i] + lines[end:], GoalsList(title, source.line, goals, dict(source.ids))
    return lines, None


def _items(lines: list[SourceLine], start: int) -> tuple[list[GoalItem], int]:
    goals: list[GoalItem] = []
    family, expected = None, None
    j = start
    while j < len(lines):
        source = lines[j]
        text = source.text.strip()
        if source.table is not None:
            break
        if not text:
            j += 1
            continue
        mark = parse_mark(text)
        if not goals and mark is not None:
            family, expected = mark.family, mark.value
        if family is not None:
            if mark is not None and mark.family == family and mark.value == expected:
                goals.append(_goal(mark.rest, source.ids))
                expected += 1
            elif mark is None and not source.heading and goals:
                goals[-1].body.append(text)
            else:
                break
        else:
            if mark is not None or (source.heading and not source.style == "Plan Goal"):
                break
            if source.style == "Plan Goal" or (
                source.style in ("", "Normal") and len(text) <= _TITLE_MAX and not ends_sentence(text)
            ):
                goals.append(_goal(text, source.ids))
            elif goals:
                goals[-1].body.append(text)
            else:
                break  # prose right after the heading: not a list of goals
        j += 1
    return goals, j


def _goal(text: str, ids: dict[str, str]) -> GoalItem:
    # 產業轉型優先：吸引投資… → the title, and the explanation as its body
    title, colon, rest = text.partition("：")
    if colon and rest.strip() and len(title) <= _TITLE_MAX:
        return GoalItem(title.strip(), [rest.strip()], dict(ids))
    return GoalItem(re.sub(r"\s*[：:]\s*$", "", text), [], dict(ids))
