"""Importer of a plan's text: a published plan as text (from its PDF), or the paragraphs of a Word document.

``import_text(text)`` and ``import_lines(lines)`` find the title (with the organisation and the
period in ROC years), the revision label (109年修正版), the preface (理念) paragraphs, the goals
(施政目標) when listed, the numbered sections — whatever numbering ladder the document uses (see
``schema.importer_marks``): sections 壹、 or none, focus areas, strategies with their actions and
sub-actions, KPI and agency tables — the closing, and the framework chart (架構圖): its goals and
the short strategy labels. Nothing is dropped silently: text it cannot place is returned in
``ImportResult.unplaced``. The ladder found is kept in ``PlanDocument.numbering_style``.

``adopt_ids(plan, previous)`` gives a re-imported plan the ids of an earlier import, position
by position, so that regenerating a sample keeps the ids that comparisons rely on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from schema.coded_error import CodedError
from schema.importer_build import IdPool, focus_section, read_chart, resolve_sections, split_label
from schema.importer_chart import is_chart_title, parse_chart
from schema.importer_goals import PREFACE_TITLES, GoalsList, take_goals
from schema.importer_marks import AmbiguousNumberingError, Ladder, detect_ladder, parse_mark
from schema.importer_text import HEADINGS, Classifier, SourceLine, blocks_of, ends_sentence, kinds_of, marks_of, outline_of
from schema.model import (
    Closing,
    Goal,
    GoalsSection,
    NumberingStyle,
    Period,
    PlanDocument,
    Preface,
    Revision,
    new_id,
)
from schema.xml_chars import strip_invalid_xml

_PERIOD = re.compile(r"(?P<start>\d{2,3})\s*(?:至|到|~|～|-|－|–|—)\s*(?P<end>\d{2,3})\s*年")
_STYLE_FIELDS = {"section": "section", "focus": "focus_area", "strategy": "strategy", "action": "action", "subaction": "sub_action"}


class TextImportError(CodedError, ValueError):
    """The text holds no recognisable plan; ``str()`` is one sentence for the user, ``code`` its kind
    ("empty", "no_headings", "ambiguous_numbering", "no_title", "no_period", "invalid_import") for the window."""


@dataclass
class ImportResult:
    plan: PlanDocument
    unplaced: list[str] = field(default_factory=list)  # text found but not placed in the plan
    warnings: list[str] = field(default_factory=list)


def import_text(text: str, *, label: str | None = None, source_name: str | None = None) -> ImportResult:
    """Read the text of a published plan; ``label`` overrides the revision label found in the title.

    ``source_name`` (e.g. the file's name) goes into the revision's note. Raises
    :class:`TextImportError` only when the text has no plan in it at all.
    """
    warnings: list[str] = []
    lines = [SourceLine(t, n) for n, t in enumerate(_lines(text, warnings), start=1)]
    return import_lines(lines, label=label, source_name=source_name, warnings=warnings)


def import_lines(
    lines: list[SourceLine],
    *,
    label: str | None = None,
    source_name: str | None = None,
    warnings: list[str] | None = None,
    join: bool = True,
    bracket_width_known: bool = False,
    note: str = "由公告版文字匯入",
) -> ImportResult:
    """Read a plan from its source lines (a text's lines, a PDF's, a Word document's paragraphs and tables).

    ``join``: lines may be paragraphs split at page ends (text, PDF); a Word paragraph is whole.
    ``bracket_width_known``: whether （ and ( in the source are as the author wrote them (not in a PDF's text).
    """
    warnings = [] if warnings is None else warnings
    unplaced: list[str] = []
    present = [i for i, s in enumerate(lines) if s.text.strip() or s.table is not None]
    if not present:
        raise TextImportError("the text is empty.", "empty")
    first = lines[present[0]]
    title_line = _title_text(first) if first.table is None and _is_title(_title_text(first)) else ""
    first_body = present[0] + (1 if title_line else 0)
    chart_at = next((i for i in present if i >= first_body and lines[i].table is None and is_chart_title(lines[i].text)), None)
    body = lines[first_body:chart_at if chart_at is not None else len(lines)]
    body, goals_list = take_goals(body)
    preface_title, body = _preface_title(body)
    marks = marks_of(body)
    if not marks and not any(s.heading for s in body):
        raise TextImportError("it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan.", "no_headings")
    try:
        ladder = detect_ladder(marks, bracket_width_known=bracket_width_known)
    except AmbiguousNumberingError as exc:
        raise TextImportError(f"{exc}.", exc.code, **exc.params) from None
    blocks = blocks_of(body, Classifier.learn(body, ladder), join=join)
    if not any(b.kind in HEADINGS for b in blocks):
        raise TextImportError("it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan.", "no_headings")

    chart_lines = [(s.line, s.text) for s in lines[chart_at:] if s.table is None] if chart_at is not None else []
    chart = parse_chart(chart_lines) if chart_lines else None
    if not title_line and chart is not None:
        title_line = chart.title.replace("架構圖", "")
        warnings.append("the text has no title line; the title was taken from the framework chart")
    if not title_line:
        raise TextImportError("it has no title line (such as 高雄市政府108至111年度中程施政計畫理念) before its first heading.", "no_title")
    title, found_label = split_label(title_line)
    whole = "\n".join(s.text for s in lines if s.table is None)
    period, organisation = _period(title, whole, warnings)

    outline = outline_of(blocks)
    warnings.extend(outline.warnings)
    for table in outline.tables:
        warnings.append(f"line {table.line}: a table outside any strategy could not be placed")
        unplaced.extend(f"line {table.line}: table row: {'｜'.join(cells)}" for cells, _ids in table.table or [])
    pool = IdPool(warnings)
    sections = resolve_sections(outline, unplaced, warnings)
    preface_title = sections.preface_title if sections.preface_title is not None else preface_title
    goals, chart_labels = read_chart(chart, title, sections.focus, [p.text for p in sections.preface], unplaced, warnings)
    chart_ids = lines[chart_at].ids if chart_at is not None and chart is not None else {}
    goals_section = _goals_section(goals_list, goals, pool, warnings, chart_ids)
    if not goals_section.goals:
        warnings.append("no goals (施政目標) were found")

    # The content as plain data with every id set, validated by pydantic in one pass for the imported
    # revision and once more for the draft (a copy of its own): a plan of 5,000 nodes built node by node
    # through the models' constructors, then copied, took twice as long.
    data = {
        "preface": {"id": new_id(), "title": preface_title,
                    "paragraphs": [{"id": pool.take(p.ids, "text"), "text": p.text} for p in sections.preface]},
        "goals": goals_section.model_dump(),
        "focus": focus_section(sections.focus, chart_labels, goals_section.goals, period, pool, unplaced, warnings),
        "closing": {
            "title": sections.closing.title if sections.closing else Closing().title,
            "paragraphs": [{"id": pool.take(p.ids, "text"), "text": p.text} for p in (sections.closing.paragraphs if sections.closing else [])],
            "id": pool.take(sections.closing.block.ids if sections.closing and sections.closing.block else {}, "title"),
        },
    }
    revision_label = found_label if label is None else label
    if label is None and not revision_label:
        warnings.append("no revision label such as (109年修正版) was found; the revision is unlabelled")
    # Each revision validated whole from the data (a Revision built around a validated content runs the
    # content's rules again: a second walk of every node).
    imported = _revision({"label": revision_label, "note": note + (f"（{source_name}）" if source_name else ""), "content": data})
    draft = _revision({"label": "", "content": data})
    try:
        plan = PlanDocument(
            title=title,
            organisation=organisation,
            period=period,
            numbering_style=_numbering_style(ladder),
            revisions=[imported],
            draft=draft,
        )
    except ValidationError as exc:  # pragma: no cover - every field above is already checked
        raise TextImportError(f"the imported plan is not valid: {exc.errors()[0]['msg']}.", "invalid_import") from None
    return ImportResult(plan=plan, unplaced=unplaced, warnings=warnings)


def _goals_section(goals_list: GoalsList | None, chart_goals: list[str], pool: IdPool, warnings: list[str],
                   chart_ids: dict[str, str] | None = None) -> GoalsSection:
    """The goals listed under their own heading, else those of the chart (or the preface's quotes), with
    the ids our export gives the chart's goals (``chart_ids``: the section's "title", the goals' "goals")."""
    if goals_list is None:
        chart_ids = chart_ids or {}
        ids = chart_ids.get("goals", "").split()
        if len(ids) != len(chart_goals):
            ids = []
        goals = [Goal(title=g, id=pool.take({"title": ids[k]}, "title")) if ids else Goal(title=g) for k, g in enumerate(chart_goals)]
        return GoalsSection(goals=goals, id=pool.take(chart_ids, "title")) if ids else GoalsSection(goals=goals)
    listed = [g.title for g in goals_list.goals]
    if chart_goals and chart_goals != listed:
        warnings.append("the goals in the framework chart differ from the goals listed in the text; the text's were used")
    return GoalsSection(
        goals=[Goal(title=g.title, body="\n".join(g.body), id=pool.take(g.ids, "title")) for g in goals_list.goals],
        id=pool.take(goals_list.ids, "title"),
    )


def _revision(data: dict[str, Any]) -> Revision:
    """A revision validated from ``data``. A text too long for its field (schema.file_limits) is named by
    its field alone (at text: …), as when each node was built on its own."""
    try:
        return Revision.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        fields = [part for part in first["loc"] if isinstance(part, str)]
        detail: dict[str, Any] = {"type": first["type"], "loc": tuple(fields[-1:]), "input": first["input"]}
        if "ctx" in first:
            detail["ctx"] = first["ctx"]
        raise ValidationError.from_exception_data(exc.title, [detail]) from None  # type: ignore[list-item]


def _numbering_style(ladder: Ladder) -> NumberingStyle:
    """The document's ladder as templates, per level; levels the document does not use keep the defaults."""
    values = {}
    for family, kind in kinds_of(ladder).items():
        if kind in _STYLE_FIELDS:
            values[_STYLE_FIELDS[kind]] = ladder.templates[family]
    try:
        return NumberingStyle(**values)
    except ValidationError:  # pragma: no cover - the templates are built from one placeholder each
        return NumberingStyle()


def _preface_title(body: list[SourceLine]) -> tuple[str, list[SourceLine]]:
    """A heading such as 理念 / 施政理念 / 前言 before the preface: its title, and the body without it."""
    for i, source in enumerate(body):
        text = re.sub(r"\s*[：:]\s*$", "", source.text.strip())
        if not text and source.table is None:
            continue
        if source.table is None and parse_mark(text) is None and (text in PREFACE_TITLES or (text.endswith("理念") and len(text) <= 8)):
            return text, body[:i] + body[i + 1:]
        break
    return Preface().title, body


def _lines(text: str, warnings: list[str]) -> list[str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, removed = strip_invalid_xml(text)  # tab and newline are layout, and stay
    if removed:
        warnings.append(f"{removed} control character{'s' if removed > 1 else ''} removed (they cannot appear in a document)")
    return text.replace("\t", " ").split("\n")


def _title_text(source: SourceLine) -> str:
    # A Word title may break its revision label onto a line of its own.
    return re.sub(r"\s*\n\s*", "", source.text.strip())


def _is_title(line: str) -> bool:
    text = line.strip()
    return parse_mark(text) is None and not ends_sentence(text) and len(text) <= 120


def _period(title: str, text: str, warnings: list[str]) -> tuple[Period, str]:
    """The period (from the title, else from the first mention in the text) and the organisation."""
    for where, haystack in (("title", title), ("text", text)):
        for match in _PERIOD.finditer(haystack):
            start, end = int(match.group("start")), int(match.group("end"))
            if 1 <= start <= end <= 999:
                organisation = title[: match.start()].strip() if where == "title" else ""
                if where == "text":
                    warnings.append(f"the title has no period; {start}–{end} was taken from the text")
                if not organisation:
                    warnings.append("no organisation was found before the period in the title")
                return Period(start=start, end=end), organisation
    raise TextImportError("it has no plan period such as 108至111年度 in its title or text.", "no_period")


def adopt_ids(plan: PlanDocument, previous: PlanDocument) -> tuple[PlanDocument, int]:
    """``plan`` with the ids of ``previous`` wherever a node of the same kind sits at the same position.

    Returns the new plan and how many ids (of nodes and revisions) were taken over. Nodes with no counterpart keep their
    fresh ids, so ids stay unique.
    """
    data = plan.model_dump()
    count = _adopt(data, previous.model_dump())
    return PlanDocument.model_validate(data), count


def _adopt(new: Any, old: Any) -> int:
    count = 0
    if isinstance(new, dict) and isinstance(old, dict):
        if "id" in new and "id" in old and new.get("kind") == old.get("kind"):
            new["id"] = old["id"]
            count += 1
        for key, value in new.items():
            if key != "id" and key in old:
                count += _adopt(value, old[key])
    elif isinstance(new, list) and isinstance(old, list):
        for a, b in zip(new, old):
            count += _adopt(a, b)
    return count
