"""Importer of a published plan's text (公告版文字), as extracted from the official PDF.

``import_text(text)`` finds the title (with the organisation and the period in ROC years),
the revision label (109年修正版), the preface (理念) paragraphs, the sections 壹、 (focus areas
一、 with strategies (一) and numbered actions 1. / (1)) and 貳、 (the closing), and the
framework chart (架構圖): its goals (施政目標) and the short strategy labels. Nothing is dropped
silently: text it cannot place is returned in ``ImportResult.unplaced``.

``adopt_ids(plan, previous)`` gives a re-imported plan the ids of an earlier import, position
by position, so that regenerating a sample keeps the ids that comparisons rely on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from schema.importer_chart import Chart, goals_from_preface, is_chart_title, match_labels, parse_chart
from schema.importer_text import HEADINGS, Outline, Section, blocks_of, classify, ends_sentence, outline_of
from schema.model import (
    Action,
    Closing,
    FocusArea,
    FocusSection,
    Goal,
    GoalsSection,
    Paragraph,
    Period,
    PlanContent,
    PlanDocument,
    Preface,
    Revision,
    Strategy,
)

_LABEL = re.compile(r"^(?P<title>.*?)\s*[(（](?P<label>[^()（）]+)[)）]\s*$")
_PERIOD = re.compile(r"(?P<start>\d{2,3})\s*(?:至|到|~|～|-|－|–|—)\s*(?P<end>\d{2,3})\s*年")
# Characters that cannot appear in a Word document (DESIGN.md §6); tab and newline are layout.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TextImportError(ValueError):
    """The text holds no recognisable plan; ``str()`` is one sentence for the user."""


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
    unplaced: list[str] = []
    lines = _lines(text, warnings)
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise TextImportError("the text is empty.")
    title_index = 0 if _is_title(numbered[0][1]) else None
    title_line = numbered[0][1].strip() if title_index == 0 else ""
    first_body = numbered[0][0] if title_index is None else numbered[0][0] + 1
    chart_at = next((n for n, line in numbered if n >= first_body and is_chart_title(line)), None)
    body_end = chart_at if chart_at is not None else len(lines) + 1
    body = [(n, lines[n - 1]) for n in range(first_body, body_end)]
    blocks = blocks_of(body)
    if not any(b.kind in HEADINGS for b in blocks):
        raise TextImportError("it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan.")

    chart = parse_chart([(n, lines[n - 1]) for n in range(chart_at, len(lines) + 1)]) if chart_at else None
    if not title_line and chart is not None:
        title_line = chart.title.replace("架構圖", "")
        warnings.append("the text has no title line; the title was taken from the framework chart")
    if not title_line:
        raise TextImportError("it has no title line (such as 高雄市政府108至111年度中程施政計畫理念) before its first heading.")
    title, found_label = _split_label(title_line)
    period, organisation = _period(title, text, warnings)

    outline = outline_of(blocks)
    warnings.extend(outline.warnings)
    preface_title, preface, focus, closing = _resolve_sections(outline, unplaced, warnings)

    goals, chart_labels = _read_chart(chart, title, focus, preface, unplaced, warnings)
    if not goals:
        warnings.append("no goals (施政目標) were found")

    content = PlanContent(
        preface=Preface(title=preface_title, paragraphs=[Paragraph(text=p) for p in preface]),
        goals=GoalsSection(goals=[Goal(title=g) for g in goals]),
        focus=_focus_section(focus, chart_labels, warnings),
        closing=Closing(
            title=closing.title if closing else Closing().title,
            paragraphs=[Paragraph(text=p) for p in (closing.paragraphs if closing else [])],
        ),
    )
    revision_label = found_label if label is None else label
    if label is None and not revision_label:
        warnings.append("no revision label such as (109年修正版) was found; the revision is unlabelled")
    note = "由公告版文字匯入" + (f"（{source_name}）" if source_name else "")
    try:
        plan = PlanDocument(
            title=title,
            organisation=organisation,
            period=period,
            revisions=[Revision(label=revision_label, note=note, content=content)],
            draft=Revision(label="", content=content.model_copy(deep=True)),
        )
    except ValidationError as exc:  # pragma: no cover - every field above is already checked
        raise TextImportError(f"the imported plan is not valid: {exc.errors()[0]['msg']}.") from None
    return ImportResult(plan=plan, unplaced=unplaced, warnings=warnings)


def _read_chart(
    chart: Chart | None, title: str, focus: Section | None, preface: list[str], unplaced: list[str], warnings: list[str]
) -> tuple[list[str], list[list[str]]]:
    """The goals (the chart's 施政目標 box, else the preface's quotes) and each strategy's chart label."""
    areas = focus.focus_areas if focus else []
    titles = [[s.title for s in area.strategies] for area in areas]
    chart_labels = [["" for _ in area] for area in titles]
    goals = goals_from_preface(preface)
    if chart is None:
        return goals, chart_labels
    unplaced.extend(chart.unplaced)
    chart_title, _ = _split_label(chart.title)
    if chart_title.replace("架構圖", "").strip() != title:
        warnings.append(f"the framework chart's title 「{chart.title}」 does not match the plan's title")
    if chart.goals:
        if goals and goals != chart.goals:
            warnings.append("the goals in the framework chart differ from those quoted in the preface; the chart's were used")
        goals = chart.goals
    if chart.focus_titles and [a.title for a in areas] != chart.focus_titles:
        warnings.append("the focus areas in the framework chart differ from the headings of the text")
        unplaced.extend(f"chart focus area: {t}" for t in chart.focus_titles)
    if chart.strategy_groups:
        chart_labels, label_warnings, leftovers = match_labels(titles, chart.strategy_groups)
        warnings.extend(label_warnings)
        unplaced.extend(f"chart label with no strategy: {x}" for x in leftovers)
    return goals, chart_labels


def _lines(text: str, warnings: list[str]) -> list[str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    removed = len(_CONTROL.findall(text))
    if removed:
        warnings.append(f"{removed} control character{'s' if removed > 1 else ''} removed (they cannot appear in a document)")
        text = _CONTROL.sub("", text)
    return text.replace("\t", " ").split("\n")


def _is_title(line: str) -> bool:
    text = line.strip()
    return classify(text)[0] == "text" and not ends_sentence(text) and len(text) <= 120


def _split_label(line: str) -> tuple[str, str]:
    match = _LABEL.match(line.strip())
    if match and match.group("title").strip():
        return match.group("title").strip(), match.group("label").strip()
    return line.strip(), ""


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
    raise TextImportError("it has no plan period such as 108至111年度 in its title or text.")


def _resolve_sections(
    outline: Outline, unplaced: list[str], warnings: list[str]
) -> tuple[str, list[str], Section | None, Section | None]:
    """Which section is the focus section (壹、 with 一、 headings) and which is the closing (the next)."""
    sections = outline.sections
    preface_title, preface = Preface().title, list(outline.preface)
    focus_index = next((i for i, s in enumerate(sections) if s.focus_areas or s.orphans), None)
    before = sections[:focus_index] if focus_index is not None else []
    after = sections[focus_index + 1:] if focus_index is not None else sections
    for section in before:
        # e.g. 壹、施政理念 before 貳、施政重點: it is the preface when there is no other.
        if not preface and section.paragraphs:
            preface_title, preface = section.title or preface_title, section.paragraphs
            continue
        _unplace(section, unplaced, warnings)
    focus = sections[focus_index] if focus_index is not None else None
    if focus is None:
        warnings.append("no focus areas (施政重點 such as 一、拚經濟) were found")
    else:
        if focus.block is None:
            warnings.append("the focus areas have no section heading (壹、); the default title was used")
        if focus.paragraphs:
            warnings.append(f"text between 「{focus.title}」 and its first focus area could not be placed")
            unplaced.extend(focus.paragraphs)
        if focus.orphans:
            warnings.append("strategies before any focus area could not be placed")
            unplaced.extend(b.where() for b in focus.orphans)
    closing = after[0] if after else None
    if closing is not None and (closing.focus_areas or closing.orphans):
        warnings.append(f"numbered items under 「{closing.title}」 could not be placed")
        unplaced.extend(_section_texts(closing, with_paragraphs=False))
    for section in after[1:]:
        _unplace(section, unplaced, warnings)
    return preface_title, preface, focus, closing


def _unplace(section: Section, unplaced: list[str], warnings: list[str]) -> None:
    warnings.append(f"the section 「{section.title}」 could not be placed")
    if section.block is not None:
        unplaced.append(section.block.where())
    unplaced.extend(_section_texts(section, with_paragraphs=True))


def _section_texts(section: Section, *, with_paragraphs: bool) -> list[str]:
    texts = list(section.paragraphs) if with_paragraphs else []
    for area in section.focus_areas:
        texts.append(area.block.where())
        texts.extend(area.body)
        for strategy in area.strategies:
            texts.append(strategy.block.where())
            texts.extend(strategy.body)
            for action, subs in strategy.actions:
                texts.append(action)
                texts.extend(subs)
    texts.extend(b.where() for b in section.orphans)
    return texts


def _focus_section(focus: Section | None, chart_labels: list[list[str]], warnings: list[str]) -> FocusSection:
    if focus is None:
        return FocusSection()
    areas = []
    for area, labels in zip(focus.focus_areas, chart_labels):
        strategies = []
        for strategy, chart_label in zip(area.strategies, labels):
            if not strategy.title:
                warnings.append(f"line {strategy.block.line}: a strategy heading without a title")
            strategies.append(
                Strategy(
                    title=strategy.title,
                    chart_label=chart_label,
                    body="\n".join(strategy.body),
                    actions=[Action(text=t, actions=[Action(text=s) for s in subs]) for t, subs in strategy.actions],
                )
            )
        areas.append(FocusArea(title=area.title, body="\n".join(area.body), strategies=strategies))
    return FocusSection(title=focus.title or FocusSection().title, focus_areas=areas)


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
