"""From the outline of an imported text to the plan's nodes: which section is which, the chart's labels,
the strategies' fields from their tables, and the node ids that the source carried (bookmarks)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from schema.importer_chart import Chart, goals_from_preface, match_labels
from schema.importer_tables import apply_table
from schema.importer_text import Item, Outline, Section
from schema.model import FocusSection, Goal, Period, new_id

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_LABEL = re.compile(r"^(?P<title>.*?)\s*[(（](?P<label>[^()（）]+)[)）]\s*$")


def split_label(line: str) -> tuple[str, str]:
    """高雄市政府…理念 (109年修正版) → the title and the revision label."""
    match = _LABEL.match(line.strip())
    if match and match.group("title").strip():
        return match.group("title").strip(), match.group("label").strip()
    return line.strip(), ""


@dataclass
class IdPool:
    """Hands out the node ids found in the source, each once; a repeated one gets a fresh id and a warning."""

    warnings: list[str]
    used: set[str] = field(default_factory=set)

    def take(self, ids: dict[str, str], name: str) -> str:
        """The id the source marked on ``name`` (a field: title, text), else a fresh one."""
        node_id = ids.get(name)
        if not node_id or not _ID.match(node_id):
            return new_id()
        if node_id in self.used:
            self.warnings.append(f"the id {node_id} is marked on more than one item; the later ones get new ids")
            return new_id()
        self.used.add(node_id)
        return node_id


@dataclass
class Sections:
    preface_title: str | None  # None: not from a section (the caller keeps its own)
    preface: list[Item]
    focus: Section | None
    closing: Section | None


def resolve_sections(outline: Outline, unplaced: list[str], warnings: list[str]) -> Sections:
    """Which section is the focus section (the one with focus areas) and which is the closing (the next)."""
    sections = outline.sections
    preface_title, preface = None, list(outline.preface)
    focus_index = next((i for i, s in enumerate(sections) if s.focus_areas or s.orphans), None)
    before = sections[:focus_index] if focus_index is not None else []
    after = sections[focus_index + 1:] if focus_index is not None else sections
    for section in before:
        # e.g. 壹、施政理念 before 貳、施政重點: it is the preface when there is no other.
        if not preface and section.paragraphs:
            preface_title, preface = section.title or None, section.paragraphs
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
            unplaced.extend(p.text for p in focus.paragraphs)
        if focus.orphans:
            warnings.append("strategies before any focus area could not be placed")
            unplaced.extend(b.where() for b in focus.orphans)
    closing = after[0] if after else None
    if closing is not None and (closing.focus_areas or closing.orphans):
        warnings.append(f"numbered items under 「{closing.title}」 could not be placed")
        unplaced.extend(_section_texts(closing, with_paragraphs=False))
    for section in after[1:]:
        _unplace(section, unplaced, warnings)
    return Sections(preface_title, preface, focus, closing)


def _unplace(section: Section, unplaced: list[str], warnings: list[str]) -> None:
    warnings.append(f"the section 「{section.title}」 could not be placed")
    if section.block is not None:
        unplaced.append(section.block.where())
    unplaced.extend(_section_texts(section, with_paragraphs=True))


def _section_texts(section: Section, *, with_paragraphs: bool) -> list[str]:
    texts = [p.text for p in section.paragraphs] if with_paragraphs else []
    for area in section.focus_areas:
        texts.append(area.block.where())
        texts.extend(p.text for p in area.body)
        for strategy in area.strategies:
            texts.append(strategy.block.where())
            texts.extend(p.text for p in strategy.body)
            for action in strategy.actions:
                texts.append(action.text)
                texts.extend(s.text for s in action.subs)
    texts.extend(b.where() for b in section.orphans)
    return texts


def read_chart(
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
    chart_title, _ = split_label(chart.title)
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


def focus_section(
    focus: Section | None,
    chart_labels: list[list[str]],
    goals: list[Goal],
    period: Period,
    pool: IdPool,
    unplaced: list[str],
    warnings: list[str],
) -> dict[str, Any]:
    """The focus section's data (FocusSection's fields, every id set), validated with the rest of the plan."""
    if focus is None:
        return {"id": new_id()}
    goal_ids = {g.title: g.id for g in goals}
    section_id = pool.take(focus.block.ids if focus.block else {}, "title")  # ids are handed out in document order
    take = pool.take
    areas = []
    for area, labels in zip(focus.focus_areas, chart_labels):
        area_id = take(area.block.ids, "title")
        strategies = []
        for strategy, chart_label in zip(area.strategies, labels):
            if not strategy.title:
                warnings.append(f"line {strategy.block.line}: a strategy heading without a title")
            node: dict[str, Any] = {
                "id": take(strategy.block.ids, "title"),
                "title": strategy.title,
                "chart_label": chart_label,
                "body": "\n".join([p.text for p in strategy.body]),
                "actions": [
                    {"id": take(a.ids, "text"), "text": a.text, "actions": [{"id": take(s.ids, "text"), "text": s.text} for s in a.subs]}
                    for a in strategy.actions
                ],
            }
            for table in strategy.tables:
                found = apply_table(node, table.table or [], table.line, period.years)
                unplaced.extend(found.unplaced)
                warnings.extend(found.warnings)
                for title in found.goal_titles:
                    if title in goal_ids:
                        node.setdefault("goal_ids", []).append(goal_ids[title])
                    else:
                        warnings.append(f"line {table.line}: 「{strategy.title}」 serves the goal 「{title}」, which the plan does not list")
                        unplaced.append(f"line {table.line}: goal of 「{strategy.title}」: {title}")
            strategies.append(node)
        areas.append({"id": area_id, "title": area.title, "body": "\n".join([p.text for p in area.body]), "strategies": strategies})
    return {"title": focus.title or FocusSection().title, "focus_areas": areas, "id": section_id}
