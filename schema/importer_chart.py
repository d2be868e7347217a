"""The framework chart (架構圖) and the goals (施政目標) of a published plan's text.

Extracted from a PDF, the chart's boxes come out as loose lines: a box header split over two
lines (施政 / 目標), the goals two to a line, and the strategy labels as bullet lists, one list
per focus area (施政重點), separated by blank lines. This module reads those lines back into
boxes, and matches the chart's strategy labels to the strategies of the body by position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

BOXES = {"施政目標": "goals", "施政重點": "focus", "推動策略": "strategies"}
_BULLET = re.compile(r"^[-‧•・●▪■◦*]\s*")
_GOAL_SEPARATORS = re.compile(r"[、，,；;\s]+")
_QUOTE = re.compile(r"「([^「」]+)」")
_QUOTE_JOINERS = {"、", "，", "及", "以及", "與", "和", "暨", "、以及"}
_FINAL = set("。！？：；!?:;")
_NO_QUOTES = str.maketrans("", "", "「」『』")


@dataclass
class Chart:
    """The chart's boxes as found in the text (empty lists for boxes it does not have)."""

    title: str
    goals: list[str] = field(default_factory=list)
    focus_titles: list[str] = field(default_factory=list)
    strategy_groups: list[list[str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def is_chart_title(text: str) -> bool:
    """A short heading line naming the framework chart, not a sentence that mentions one."""
    if "架構圖" not in text:
        return False
    text = text.strip()
    return len(text) <= 80 and text[-1:] not in _FINAL


def parse_chart(lines: list[tuple[int, str]]) -> Chart:
    """Read the chart from its lines (line number, text); the first line is the chart's title."""
    (_, title), rest = lines[0], lines[1:]
    chart = Chart(title=title.strip())
    box: str | None = None
    group: list[str] = []
    i = 0
    while i < len(rest):
        number, text = rest[i][0], rest[i][1].strip()
        header, width = _box_header(rest, i)
        if header:
            box = header
            if group:
                chart.strategy_groups.append(group)
                group = []
            i += width
            continue
        i += 1
        if not text:
            if box == "strategies" and group:
                chart.strategy_groups.append(group)
                group = []
            continue
        if box == "goals":
            chart.goals.extend(item for item in _GOAL_SEPARATORS.split(text) if item)
        elif box == "focus":
            chart.focus_titles.extend(item for item in _GOAL_SEPARATORS.split(_BULLET.sub("", text)) if item)
        elif box == "strategies":
            label = _BULLET.sub("", text).strip()
            if label:
                group.append(label)
        else:
            chart.unplaced.append(f"line {number}: {text}")
    if group:
        chart.strategy_groups.append(group)
    return chart


def _box_header(lines: list[tuple[int, str]], i: int) -> tuple[str | None, int]:
    """The box a header line (or a header split over two lines) opens, and how many lines it takes."""
    first = "".join(lines[i][1].split())  # without any whitespace
    if first in BOXES:
        return BOXES[first], 1
    if i + 1 < len(lines):
        both = first + "".join(lines[i + 1][1].split())
        if first and both in BOXES:
            return BOXES[both], 2
    return None, 0


def same_label(label: str, title: str) -> bool:
    """True when a chart label says the same as a title, once 「」/『』 and spaces are set aside."""
    return _plain(label) == _plain(title)


def _plain(text: str) -> str:
    return "".join(text.translate(_NO_QUOTES).split())


def match_labels(
    titles: list[list[str]], groups: list[list[str]]
) -> tuple[list[list[str]], list[str], list[str]]:
    """Match chart labels to strategy titles by position within each focus area.

    ``titles`` holds the strategy titles of each focus area, ``groups`` the chart's label lists.
    Returns the chart label to store for each strategy ("" where the label says the same as the
    title), warnings, and the labels that match no strategy (to be reported, not dropped).
    When the chart's lists and the text disagree in shape, position means nothing, so labels are
    paired with titles by similarity instead (in order), and only similar ones are kept.
    """
    shape = [len(area) for area in titles]
    flat = [label for group in groups for label in group]
    if [len(g) for g in groups] != shape and len(flat) == sum(shape):
        # The lists ran together (no blank lines between them): cut them by the text's counts.
        groups, start = [], 0
        for count in shape:
            groups.append(flat[start:start + count])
            start += count
    if [len(g) for g in groups] == shape:
        labels = [["" if same_label(g, t) else g for g, t in zip(group, area)] for group, area in zip(groups, titles)]
        return labels, [], []
    flat_titles = [t for area in titles for t in area]
    pairs = _align(flat, flat_titles)
    chosen = {j: flat[i] for i, j in pairs}
    labels, k = [], 0
    for area in titles:
        labels.append(["" if k + n not in chosen or same_label(chosen[k + n], t) else chosen[k + n] for n, t in enumerate(area)])
        k += len(area)
    matched = {i for i, _ in pairs}
    warnings = [
        f"the chart's strategy lists ({'/'.join(str(len(g)) for g in groups)}) do not match the text's "
        f"({'/'.join(str(n) for n in shape)}); chart labels were matched to strategies by similarity"
    ]
    return labels, warnings, [label for i, label in enumerate(flat) if i not in matched]


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _plain(a), _plain(b)).ratio()


def _align(labels: list[str], titles: list[str], threshold: float = 0.6) -> list[tuple[int, int]]:
    """Pairs (label index, title index), in order on both sides, maximising the total similarity."""
    n, m = len(labels), len(titles)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            ratio = _similarity(labels[i], titles[j])
            if ratio >= threshold:
                best = max(best, ratio + score[i + 1][j + 1])
            score[i][j] = best
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        ratio = _similarity(labels[i], titles[j])
        if ratio >= threshold and score[i][j] == ratio + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def goals_from_preface(paragraphs: list[str]) -> list[str]:
    """The goals as quoted in the preface: the longest run of 「…」 items listed one after another.

    Paragraphs that mention 施政目標 are searched first, e.g. 積極貫徹「產業轉型優先」、「增加就業優先」、
    「交通建設優先」以及「改善空污優先」這四大優先做為施政目標.
    """
    ordered = [p for p in paragraphs if "施政目標" in p]
    for paragraph in ordered:
        best: list[str] = []
        run: list[str] = []
        previous_end: int | None = None
        for match in _QUOTE.finditer(paragraph):
            joiner = paragraph[previous_end:match.start()] if previous_end is not None else None
            if joiner is not None and joiner.strip() in _QUOTE_JOINERS:
                run.append(match.group(1))
            else:
                run = [match.group(1)]
            previous_end = match.end()
            if len(run) > len(best):
                best = list(run)
        if len(best) >= 2:
            return best
    return []


def chart_as_text(title: str, label: str, goals: list[str], focus_titles: list[str], labels: list[list[str]]) -> str:
    """The chart's boxes as text that ``parse_chart`` reads back: what our export puts in the chart
    picture's description (alt text), so that an imported export keeps the chart's short labels.

    ``title`` is the plan's title, ``label`` the revision's; ``labels`` the chart text of each focus area's strategies.
    """
    lines = [f"{title}架構圖" + (f"（{label}）" if label else "")]
    if goals:
        lines += ["", "施政目標", "、".join(goals)]
    if focus_titles:
        lines += ["", "施政重點", "、".join(focus_titles)]
    if any(labels):
        lines += ["", "推動策略"]
        for group in labels:
            lines += ["", *(f"- {label}" for label in group)]
    return "\n".join(lines)
