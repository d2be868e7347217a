"""Tables of a Word document under a strategy (推動策略): its KPIs, agencies, goal links and budget.

Two layouts are read: the tables our own official export writes (a two-column table 主辦機關 /
協辦機關 / 對應施政目標 / 預算（千元）, and the KPI table 關鍵績效指標｜衡量標準｜單位｜108年…), and
the KPI table common in other cities' plans (策略績效目標｜衡量指標｜評估體制｜衡量標準｜目標值).
A cell merged down the rows (one 策略績效目標 for several indicators) comes from the readers
repeated in each row. Cells that have no field in the plan are reported, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from schema.base import new_id

_YEAR = re.compile(r"^\s*(\d{2,3})\s*年(?:度)?(?:目標值)?\s*$")
_BUDGET = re.compile(r"(\d{2,3})\s*年(?:度)?\s*[：:]?\s*([0-9][0-9,]*(?:\.[0-9]+)?)")
_LIST = re.compile(r"[、，,；;]\s*")
_KPI_NAME = ("關鍵績效指標", "指標名稱", "衡量指標", "績效指標")
_OBJECTIVE = ("策略績效目標", "績效目標", "策略目標")
_ASSESSMENT = ("評估體制", "評估方式", "評估機制")
# The official export's one column of a long period's targets, 「110年 10；111年 20」 (official_docx.kpi_table).
KPI_TARGETS_HEADING = "各年度目標值"
_YEAR_TARGET = re.compile(r"(\d{1,3})年 (.*?)(?=；\d{1,3}年 |$)", re.S)
_INFO = {"主辦機關": "lead", "協辦機關": "supporting", "對應施政目標": "goals", "預算（千元）": "budget", "預算(千元)": "budget"}


@dataclass
class TableResult:
    goal_titles: list[str] = field(default_factory=list)  # goals the strategy serves, by title
    unplaced: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def apply_table(strategy: dict[str, Any], rows: list[tuple[list[str], dict[str, str]]], line: int, years: list[int]) -> TableResult:
    """Put the table's content into the fields of ``strategy`` (a Strategy's data, validated with the plan
    once it is whole: one pydantic pass instead of one per assignment); what has no field is reported."""
    result = TableResult()
    cells = [[c.strip() for c in r] for r, _ in rows]
    if not cells:
        return result
    if all(len(r) >= 2 and _squash(r[0]) in _INFO for r in cells):
        _info(strategy, cells, line, result)
        return result
    head = [_squash(c) for c in cells[0]]
    name_at = next((i for i, h in enumerate(head) if h in _KPI_NAME), None)
    if name_at is None:
        result.warnings.append(f"line {line}: a table under 「{strategy['title']}」 is neither a KPI nor an agency table")
        result.unplaced.extend(f"line {line}: table row: {'｜'.join(r)}" for r in cells)
        return result
    columns: dict[int, tuple[str, int | str | None]] = {}
    for i, h in enumerate(head):
        year = _YEAR.match(h)
        if i == name_at:
            columns[i] = ("name", None)
        elif h in ("衡量標準", "衡量方式", "計算公式"):
            columns[i] = ("measurement", None)
        elif h in ("單位", "衡量單位"):
            columns[i] = ("unit", None)
        elif h in _OBJECTIVE:
            columns[i] = ("objective", None)
        elif h in _ASSESSMENT:
            columns[i] = ("assessment", None)
        elif year:
            columns[i] = ("year", int(year.group(1)))
        elif h in ("目標值", "年度目標值") and years:
            columns[i] = ("year", years[-1])  # one target column: the target of the plan's last year
            result.warnings.append(f"line {line}: the KPI column {cells[0][i]} has no year; it was read as {years[-1]}年")
        elif h == KPI_TARGETS_HEADING:
            columns[i] = ("targets", None)
        else:
            columns[i] = ("other", cells[0][i])
    for (_row, ids), texts in zip(rows[1:], cells[1:]):
        if not any(texts):
            continue
        kpi: dict[str, Any] = {"id": ids.get("name") or new_id(), "targets": {}}
        for i, text in enumerate(texts):
            what, extra = columns.get(i, ("other", f"column {i + 1}"))
            if what == "year":
                if text and isinstance(extra, int):
                    kpi["targets"][extra] = text
            elif what == "targets":
                found = _YEAR_TARGET.findall(text)
                if "；".join(f"{year}年 {value}" for year, value in found) == text:
                    kpi["targets"].update((int(year), value) for year, value in found)
                else:  # not the export's own list: kept for the reader, never dropped
                    result.unplaced.append(f"line {line}: KPI {texts[name_at]}: {cells[0][i]}: {text}")
            elif what == "other":
                if text:
                    result.unplaced.append(f"line {line}: KPI {texts[name_at]}: {extra}: {text}")
            else:
                kpi[what] = text
        strategy.setdefault("kpis", []).append(kpi)
    return result


def _info(strategy: dict[str, Any], cells: list[list[str]], line: int, result: TableResult) -> None:
    for row in cells:
        what, value = _INFO[_squash(row[0])], " ".join(c for c in row[1:] if c).strip()
        if what == "lead":
            strategy["lead_agencies"] = [a for a in _LIST.split(value) if a]
        elif what == "supporting":
            strategy["supporting_agencies"] = [a for a in _LIST.split(value) if a]
        elif what == "goals":
            result.goal_titles.extend(g for g in _LIST.split(value) if g)
        else:
            budget = {int(y): float(v.replace(",", "")) for y, v in _BUDGET.findall(value)}
            if not budget and value:
                result.unplaced.append(f"line {line}: budget of 「{strategy['title']}」: {value}")
            strategy["budget"] = budget
