"""What the framework chart (架構圖) shows, as plain data without geometry or Qt: its title, the goals
(施政目標) and a column per focus area (施政重點) with its strategies' labels (推動策略).

Without Qt, so that the command line's export (which never imports Qt: editor.export.chart_picture)
can hand it to the child process that lays the chart out and paints it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.export.textclean import clean_text

if TYPE_CHECKING:
    from schema.model import PlanDocument, Revision


@dataclass(frozen=True)
class ChartColumn:
    """A focus area (施政重點) and the labels of its strategies (推動策略)."""

    node_id: str
    title: str
    strategies: tuple[tuple[str, str], ...]  # (strategy id, label)


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, independent of geometry."""

    title: str
    goals: tuple[tuple[str, str], ...]  # (goal id, title)
    columns: tuple[ChartColumn, ...]

    def labels(self) -> list[str]:
        """Every text of the chart, in reading order (title, goals, then column by column)."""
        out = [self.title, *(g for _i, g in self.goals)]
        for col in self.columns:
            out.append(col.title)
            out.extend(label for _i, label in col.strategies)
        return [t for t in out if t]



def chart_title(plan: PlanDocument, revision: Revision | None = None) -> str:
    """e.g. 高雄市政府108至111年度中程施政計畫理念架構圖（109年修正版）, as published."""
    full = plan.full_title(revision)
    return plan.title + "架構圖" + full[len(plan.title):]


def chart_data(plan: PlanDocument, revision: Revision | None = None) -> ChartData:
    revision = revision or plan.draft
    content = revision.content
    columns = tuple(
        ChartColumn(
            area.id,
            clean_text(area.title),
            tuple((s.id, clean_text(s.chart_text)) for s in area.strategies),
        )
        for area in content.focus.focus_areas
    )
    goals = tuple((g.id, clean_text(g.title)) for g in content.goals.goals)
    return ChartData(clean_text(chart_title(plan, revision)), goals, columns)
